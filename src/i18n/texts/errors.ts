import {defineCatalog} from '../define-catalog.js';

/** Errors and their hints from the core modules: SSH, sudo, known hosts, the state store, the lab file, the cluster clients and the experiments. Each error names what went wrong; its hint says what to do. */
export const errorTexts = defineCatalog({
	// cli/main.ts
	errIsEmpty: {en: '{source} is empty.', zh: '{source} 是空的。'},
	errIsEmptyHint: {en: 'Give a folder, for example --home ~/mesos-lab.', zh: '请给出一个目录，例如 --home ~/mesos-lab。'},
	errLiesInsideAFileNot: {en: '{source} {home} lies inside a file, not a folder.', zh: '{source} {home} 位于一个文件里面，而不是目录里。'},
	errLiesInsideAFileNotHint: {en: 'Point --home (or MESOS_LAB_HOME) at a folder.', zh: '请让 --home（或 MESOS_LAB_HOME）指向一个目录。'},
	errCannotBeUsed: {en: '{source} {home} cannot be used ({code}).', zh: '{source} {home} 无法使用（{code}）。'},
	errCannotBeUsedHint: {en: 'Check the permissions of the folder and of the folders above it.', zh: '检查这个目录及其上级目录的权限。'},
	errIsAFileNotA: {en: '{source} {home} is a file, not a folder.', zh: '{source} {home} 是一个文件，不是目录。'},
	errIsAFileNotAHint: {en: 'Point --home (or MESOS_LAB_HOME) at a folder; it is created when missing.', zh: '请让 --home（或 MESOS_LAB_HOME）指向一个目录；目录不存在时会自动创建。'},
	errCannotBeReadByThis: {en: '{source} {home} cannot be read by this user ({code}).', zh: '当前用户无法读取 {source} {home}（{code}）。'},
	errCannotBeReadByThisHint: {
		en: 'Run mesos-lab as the user who owns that folder, fix its permissions, or choose another with --home.',
		zh: '用拥有该目录的用户运行 mesos-lab、修正它的权限，或用 --home 另选一个目录。',
	},
	// cli/conformance.ts
	errConformanceUsage: {en: 'usage: conformance <samples-dir>   (or set MESOS_LAB_FIXTURES)', zh: '用法：conformance <样本目录>（或设置 MESOS_LAB_FIXTURES）'},
	errConformanceNotFolder: {
		en: '{dir} is not a folder\nhint: pass the folder that holds mesos/, marathon/, marathon-lb/, haproxy/ and zookeeper/',
		zh: '{dir} 不是目录\n提示：请给出包含 mesos/、marathon/、marathon-lb/、haproxy/ 和 zookeeper/ 的目录',
	},
	errConformanceSummary: {en: '{passed} passed, {rejected} rejected as expected, {skipped} skipped, {failed} failed', zh: '{passed} 个通过，{rejected} 个按预期被拒绝，{skipped} 个跳过，{failed} 个失败'},
	// cluster/actions.ts
	errCannotScaleToInstances: {en: 'cannot scale {appId} to {instances} instances', zh: '无法把 {appId} 扩缩容到 {instances} 个实例'},
	errCannotScaleToInstancesHint: {en: 'Give a whole number of instances, 0 or more.', zh: '实例数要写一个不小于 0 的整数。'},
	errTheAppIsLockedBy: {en: '{method} {path}: the app is locked by a deployment', zh: '{method} {path}：应用被一个部署锁定'},
	errTheAppIsLockedByHint: {en: 'Wait for the running deployment to finish, or repeat the action with force.', zh: '等正在进行的部署完成，或加上 force 重新执行。'},
	errIsNotAMarathon: {en: '"{appId}" is not a Marathon app id', zh: '"{appId}" 不是 Marathon 应用 ID'},
	errIsNotAMarathonHint: {en: 'App ids look like /nginx or /shop/web.', zh: '应用 ID 形如 /nginx 或 /shop/web。'},
	// cluster/credentials.ts
	errDoesNotHoldCredentialsAs: {en: '{where} does not hold credentials as user:password.', zh: '{where} 里的凭据格式不是 user:password。'},
	errDoesNotHoldCredentialsAsHint: {
		en: 'Write one line such as marathon:s3cret, as Marathon\'s --http_credentials takes it.',
		zh: '写成一行，例如 marathon:s3cret，与 Marathon 的 --http_credentials 相同。',
	},
	errCarriesAUserNameOr: {
		en: '{flag}: {withoutUserinfo} carries a user name or password; mesos-lab never takes credentials from a URL.',
		zh: '{flag}：{withoutUserinfo} 里带有用户名或密码；mesos-lab 从不从 URL 读取凭据。',
	},
	errCarriesAUserNameOrHint: {
		en: 'Put user:password in a file given with --mesos-credentials-file / --marathon-credentials-file (mode 600), or in MESOS_LAB_MESOS_CREDENTIALS / MESOS_LAB_MARATHON_CREDENTIALS.',
		zh: '把 user:password 写进文件，用 --mesos-credentials-file / --marathon-credentials-file 指定（权限 600），或放进环境变量 MESOS_LAB_MESOS_CREDENTIALS / MESOS_LAB_MARATHON_CREDENTIALS。',
	},
	// cluster/haproxy-client.ts
	errIsNotAnHAProxyStats: {en: '{statsUrl} is not an HAProxy stats CSV: {detail}', zh: '{statsUrl} 返回的不是 HAProxy 统计 CSV：{detail}'},
	errIsNotAnHAProxyStatsHint: {en: 'Point --lb at the marathon-lb stats port (9090).', zh: '让 --lb 指向 marathon-lb 的统计端口（9090）。'},
	// cluster/http.ts
	errAnsweredMoreThanBytes: {en: '{url} answered more than {maxBytes} bytes', zh: '{url} 返回的内容超过 {maxBytes} 字节'},
	errAnsweredMoreThanBytesHint: {en: 'Use a lighter endpoint for large clusters, or raise the response size limit.', zh: '大集群请改用更轻量的接口，或调高响应大小的上限。'},
	errDidNotAnswerValidJSON: {en: '{where} did not answer valid JSON: {detail}', zh: '{where} 返回的不是有效的 JSON：{detail}'},
	errDidNotAnswerValidJSONHint: {en: 'Check that the URL points at the right service and port.', zh: '确认这个 URL 指向正确的服务和端口。'},
	errDidNotAnswerWithinMs: {en: '{url} did not answer within {timeoutMs} ms', zh: '{url} 在 {timeoutMs} 毫秒内没有应答'},
	errDidNotAnswerWithinMsHint: {en: 'Check that the service runs and that nothing filters the port.', zh: '确认服务在运行，并且没有防火墙拦截这个端口。'},
	errRefusedTheConnection: {en: '{url} refused the connection', zh: '{url} 拒绝了连接'},
	errRefusedTheConnectionHint: {en: 'The service is not listening on that port: is it running?', zh: '这个端口上没有服务在监听：服务在运行吗？'},
	errCouldNotBeRead: {en: '{url} could not be read: {detail}', zh: '无法读取 {url}：{detail}'},
	errCouldNotBeReadHint: {en: 'Check the address and that the service runs.', zh: '检查地址，并确认服务在运行。'},
	errAnsweredHttp: {en: '{url} answered HTTP {status}', zh: '{url} 返回 HTTP {status}'},
	errAnsweredHttpDetail: {en: '{url} answered HTTP {status}: {detail}', zh: '{url} 返回 HTTP {status}：{detail}'},
	// cluster/marathon-client.ts
	errNoMarathonIsConfigured: {en: 'no Marathon is configured', zh: '没有配置 Marathon'},
	errNoMarathonIsConfiguredHint: {en: 'Pass --marathon URL[,URL...].', zh: '请用 --marathon URL[,URL...] 指定。'},
	errNoMarathonAnswered: {en: 'no Marathon answered ({reasons})', zh: '没有任何 Marathon 应答（{reasons}）'},
	errNoMarathonAnsweredHint: {
		en: 'Check that Marathon runs; it needs a Mesos leader and ZooKeeper to serve.',
		zh: '确认 Marathon 在运行；它需要 Mesos 主节点和 ZooKeeper 才能提供服务。',
	},
	// cluster/marathon-live.ts
	errReadingMarathonSAppsAndTasks: {en: 'reading Marathon’s apps and tasks', zh: '正在读取 Marathon 的应用和任务'},
	errReadingMarathonSAppsAndTasksHint: {
		en: 'A large cluster takes some seconds to read whole; the dashboard shows it when it is in.',
		zh: '大集群要几秒钟才能读完；读完后仪表盘会显示出来。',
	},
	errDidNotDescribeAnApp: {en: '{url} did not describe an app', zh: '{url} 返回的不是应用描述'},
	errDidNotDescribeAnAppHint: {en: 'Check that the URL points at Marathon.', zh: '确认这个 URL 指向 Marathon。'},
	// cluster/mesos-client.ts
	errSaysNoMesosMasterLeads: {en: '{target} says no Mesos master leads right now', zh: '{target} 表示当前没有 Mesos master 是主节点'},
	errSaysNoMesosMasterLeadsHint: {
		en: 'Wait for the election; check that a quorum of masters runs and reaches ZooKeeper.',
		zh: '等待选主完成；确认有法定人数的 master 在运行，并且能连上 ZooKeeper。',
	},
	errRedirectedTooManyTimes: {en: '{url} redirected too many times', zh: '{url} 重定向次数过多'},
	errRedirectedTooManyTimesHint: {
		en: 'The masters disagree on the leader; check their --hostname flags and ZooKeeper.',
		zh: '各 master 对谁是主节点意见不一；检查它们的 --hostname 参数和 ZooKeeper。',
	},
	errNoMesosMasterIsConfigured: {en: 'no Mesos master is configured', zh: '没有配置 Mesos master'},
	errNoMesosMasterIsConfiguredHint: {en: 'Pass --mesos URL[,URL...].', zh: '请用 --mesos URL[,URL...] 指定。'},
	errNoMesosMasterLeads: {en: 'no Mesos master leads ({reasons})', zh: '没有 Mesos master 是主节点（{reasons}）'},
	errNoMesosMasterLeadsHint: {en: 'Check that a quorum of masters runs and that ZooKeeper is healthy.', zh: '确认有法定人数的 master 在运行，并且 ZooKeeper 正常。'},
	// cluster/mesos-stream.ts
	errTheDashboardSubscribesAgainOnHint: {
		en: 'The dashboard subscribes again on its own; check that a Mesos master leads.',
		zh: '仪表盘会自动重新订阅；请确认有 Mesos master 是主节点。',
	},
	// cluster/poller.ts
	errNoZooKeeperMemberAnswered: {en: 'no ZooKeeper member answered ({map})', zh: '没有任何 ZooKeeper 成员应答（{map}）'},
	errNoZooKeeperMemberAnsweredHint: {en: 'Check that ZooKeeper runs.', zh: '确认 ZooKeeper 在运行。'},
	// cluster/sse.ts
	errTheEventStreamSentA: {en: 'the event stream sent a line or event longer than {maxChars} characters', zh: '事件流发来的一行或一个事件超过了 {maxChars} 个字符'},
	errTheEventStreamSentAHint: {en: 'Check that the URL points at Marathon\'s /v2/events.', zh: '确认这个 URL 指向 Marathon 的 /v2/events。'},
	// cluster/zk-discovery.ts
	errIsNotAZkHostPortHostPortPath: {
		en: '"{text}" is not a zk://host:port[,host:port...]/path address.',
		zh: '"{text}" 不是 zk://host:port[,host:port...]/path 形式的地址。',
	},
	errIsNotAZkHostPortHostPortPathHint: {
		en: 'Example: zk://10.0.0.11:2181,10.0.0.12:2181,10.0.0.13:2181/mesos',
		zh: '示例：zk://10.0.0.11:2181,10.0.0.12:2181,10.0.0.13:2181/mesos',
	},
	errZkAddressesWithCredentialsAre: {en: 'zk:// addresses with credentials are not supported by the dashboard.', zh: '仪表盘不支持带账号密码的 zk:// 地址。'},
	errZkAddressesWithCredentialsAreHint: {
		en: 'Give the ensemble without user:password@, or pass the http:// addresses instead.',
		zh: '去掉 user:password@ 后再给出 ZooKeeper 集群地址，或改用 http:// 地址。',
	},
	errInIsNotHostPort: {en: '"{server}" in {text} is not host:port.', zh: '{text} 里的 "{server}" 不是 host:port。'},
	errInIsNotHostPortHint: {en: 'Write each ZooKeeper member as host:port, such as 10.0.0.11:2181.', zh: '每个 ZooKeeper 成员都写成 host:port，例如 10.0.0.11:2181。'},
	errAJsonInfoZnodeDoesNot: {en: 'A json.info_ znode does not hold JSON.', zh: '一个 json.info_ znode 里存的不是 JSON。'},
	errAJsonInfoZnodeDoesNotHint: {en: 'Is this path the one the masters were started with (--zk)?', zh: '这个路径是 master 启动时用的那个（--zk）吗？'},
	errAJsonInfoZnodeNamesNo: {en: 'A json.info_ znode names no address.', zh: '一个 json.info_ znode 里没有地址。'},
	errAJsonInfoZnodeNamesNoHint: {en: 'Expected MasterInfo JSON with address.hostname/ip and port.', zh: '应当是带 address.hostname/ip 和 port 的 MasterInfo JSON。'},
	errAMarathonLatchNodeHolds: {en: 'A Marathon latch node holds "{slice}", not host:port.', zh: '一个 Marathon latch 节点里存的是 "{slice}"，不是 host:port。'},
	errNoFoundThroughZooKeeper: {en: 'no {what} found through ZooKeeper: {reason}', zh: '通过 ZooKeeper 没有找到 {what}：{reason}'},
	errZkNotReadYet: {en: 'not read yet', zh: '还没有读到'},
	errZkStillConnecting: {en: 'still connecting', zh: '仍在连接'},
	errZkMastersPathHint: {en: 'Check the ZooKeeper addresses and the path the masters use (--zk).', zh: '检查 ZooKeeper 地址和 master 使用的路径（--zk）。'},
	errZkMarathonPathHint: {en: 'Check the ZooKeeper addresses and the path Marathon uses (--zk).', zh: '检查 ZooKeeper 地址和 Marathon 使用的路径（--zk）。'},
	// cluster/zookeeper-client.ts
	errZooKeeperDidNotAnswer: {
		en: 'ZooKeeper {endpoint} did not answer "{word}" within {timeoutMs} ms',
		zh: 'ZooKeeper {endpoint} 在 {timeoutMs} 毫秒内没有回答 "{word}"',
	},
	errZooKeeperDidNotAnswerHint: {en: 'Check that ZooKeeper runs and that its client port is reachable.', zh: '确认 ZooKeeper 在运行，并且它的客户端端口可以访问。'},
	errZooKeeperAnsweredMoreThanBytes: {
		en: 'ZooKeeper {endpoint} answered more than {maxBytes} bytes to "{word}"',
		zh: 'ZooKeeper {endpoint} 对 "{word}" 的回答超过了 {maxBytes} 字节',
	},
	errZooKeeperAnsweredMoreThanBytesHint: {en: 'This does not look like a ZooKeeper client port.', zh: '这看起来不是 ZooKeeper 的客户端端口。'},
	errZooKeeperCouldNotBeReached: {en: 'ZooKeeper {endpoint} could not be reached: {detail}', zh: '无法连接 ZooKeeper {endpoint}：{detail}'},
	errZooKeeperCouldNotBeReachedHint: {en: 'Check that ZooKeeper runs and listens on that address.', zh: '确认 ZooKeeper 在运行，并在这个地址上监听。'},
	errIsNotAZooKeeper: {en: '"{endpoint}" is not a ZooKeeper host:port', zh: '"{endpoint}" 不是 ZooKeeper 的 host:port'},
	errIsNotAZooKeeperHint: {en: 'Write members as host:port, such as 10.0.0.1:2181.', zh: '成员写成 host:port，例如 10.0.0.1:2181。'},
	// errors.ts
	errCommandFailed: {
		en: 'Command failed on {host} ({exit, select, signal {killed by a signal} other {exit {exit}}}): {command}{output}',
		zh: '{host} 上的命令失败（{exit, select, signal {被信号终止} other {退出码 {exit}}}）：{command}{output}',
	},
	// exec/detached-job.ts
	errJobStart: {en: 'start job {name}', zh: '启动后台作业 {name}'},
	errJobStartHint: {en: 'Check that setsid and nohup exist and the job folder is writable.', zh: '确认主机上有 setsid 和 nohup，并且后台作业目录可写。'},
	errJobReadLog: {en: 'read log of job {name}', zh: '读取后台作业 {name} 的日志'},
	errJobNameCannotBe: {en: 'Job name "{slice}" cannot be used.', zh: '不能用 "{slice}" 作后台作业名。'},
	errJobNameCannotBeHint: {en: 'Use up to 64 letters, digits, ".", "_" and "-", starting with a letter or digit.', zh: '最多 64 个字母、数字、"."、"_" 和 "-"，以字母或数字开头。'},
	errLogOffsetIsNotA: {en: 'Log offset {fromByte} is not a byte position.', zh: '日志偏移量 {fromByte} 不是一个字节位置。'},
	// exec/file-transfer.ts
	errUpload: {en: 'upload {path}', zh: '上传 {path}'},
	errUploadHint: {en: 'Check that the folder exists and the user may write there (or upload with sudo).', zh: '确认目录存在且该用户有写权限（或用 sudo 上传）。'},
	errDownload: {en: 'download {path}', zh: '下载 {path}'},
	errDownloadHint: {en: 'Check that the file exists and the user may read it (or download with sudo).', zh: '确认文件存在且该用户有读权限（或用 sudo 下载）。'},
	errIsNotAnAbsolute: {en: '"{slice}" is not an absolute file path.', zh: '"{slice}" 不是文件的绝对路径。'},
	// exec/known-hosts.ts
	errTheHostKeyOf: {en: 'The host key of {name} ({fingerprint}) is marked revoked in {file}.', zh: '{name} 的主机密钥（{fingerprint}）在 {file} 里被标记为已吊销。'},
	errTheHostKeyOfHint: {en: 'Do not connect until the machine has a new key that you trust.', zh: '在这台机器换上你信任的新密钥之前，不要连接它。'},
	errIfTheMachineWasReinstalledHint: {
		en: 'If the machine was reinstalled, remove the old key with: ssh-keygen -R {quoteShellArg} -f {quoteShellArg2}',
		zh: '如果这台机器重装过，用这条命令删除旧密钥：ssh-keygen -R {quoteShellArg} -f {quoteShellArg2}',
	},
	errIsNotInAndIts: {
		en: '{name} is not in {file} and its key ({keyType} {fingerprint}) was not accepted.',
		zh: '{name} 不在 {file} 里，它的密钥（{keyType} {fingerprint}）没有被接受。',
	},
	errHostKeyChanged: {
		en: 'The host key of {name} has CHANGED. {file} has {oldKeys}; the host now shows {keyType} {fingerprint}. Someone may be intercepting the connection, or the machine was reinstalled.',
		zh: '{name} 的主机密钥变了！{file} 里记录的是 {oldKeys}，而这台主机现在出示的是 {keyType} {fingerprint}。可能有人在截获连接，也可能是这台机器重装过。',
	},
	errHostKeyCompareHint: {
		en: 'Compare the fingerprint with `ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub` on the machine, then connect again and accept it.',
		zh: '在那台机器上用 `ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub` 核对指纹，然后重新连接并接受它。',
	},
	errHostKeyAcceptHint: {
		en: 'Connect once interactively, or pass --accept-new-host-key after checking the fingerprint.',
		zh: '先交互式连接一次，或在核对指纹后加上 --accept-new-host-key。',
	},
	// exec/open-host.ts
	errSshPasswordPrompt: {en: 'SSH password for {where} (hidden, kept in memory only): ', zh: '{where} 的 SSH 登录密码（输入时不显示，只保存在内存中）：'},
	errSudoPasswordPrompt: {en: 'sudo password on {where} (hidden, kept in memory only): ', zh: '{where} 上 sudo 需要的密码（输入时不显示，只保存在内存中）：'},
	errTheKeyFileIsNot: {en: 'The key file {path} is not a file.', zh: '密钥文件 {path} 不是一个文件。'},
	errTheKeyFileIsNotHint: {en: 'Set identityFile to a private key such as ~/.ssh/id_ed25519.', zh: '把 identityFile 设为一个私钥，例如 ~/.ssh/id_ed25519。'},
	errCheckIdentityFileInTheLabHint: {
		en: 'Check identityFile in the lab file (make a key with: ssh-keygen -t ed25519), or use auth: agent.',
		zh: '检查 lab 文件里的 identityFile（用 ssh-keygen -t ed25519 生成密钥），或改用 auth: agent。',
	},
	errLogsInWithAPassword: {
		en: '{where} logs in with a password (auth: password-prompt), and there is no terminal to ask it on.',
		zh: '{where} 用密码登录（auth: password-prompt），但这里没有终端可以询问密码。',
	},
	errLogsInWithAPasswordHint: {
		en: 'Run mesos-lab in a terminal, or use a key: auth: identity-file with identityFile, or auth: agent.',
		zh: '在终端里运行 mesos-lab，或改用密钥：auth: identity-file 加 identityFile，或 auth: agent。',
	},
	errRootCommandsDoNotRun: {
		en: '{label}: root commands do not run (sudo ended with exit {exitCode}): {at}',
		zh: '{label}：无法以 root 身份执行命令（sudo 退出码 {exitCode}）：{at}',
	},
	errRootCommandsDoNotRunHint: {
		en: 'Check the sudo password, and that this user may use sudo (or connect as root).',
		zh: '检查 sudo 密码，并确认这个用户可以使用 sudo（或以 root 连接）。',
	},
	errKeyFileMissing: {en: 'The key file {path} does not exist.', zh: '密钥文件 {path} 不存在。'},
	errKeyFileUnreadable: {en: 'The key file {path} cannot be read ({detail}).', zh: '无法读取密钥文件 {path}（{detail}）。'},
	// exec/quote.ts
	errAnEmptyCommandCannotBe: {en: 'An empty command cannot be run.', zh: '不能执行空命令。'},
	// exec/ssh-auth.ts
	errIsNotAPrivateKey: {en: '{path} is not a private key mesos-lab can read: {detail}', zh: '{path} 不是 mesos-lab 能读取的私钥：{detail}'},
	errIsNotAPrivateKeyHint: {
		en: 'Use an OpenSSH or PEM private key (ssh-keygen -t ed25519 makes one).',
		zh: '请用 OpenSSH 或 PEM 格式的私钥（ssh-keygen -t ed25519 可以生成）。',
	},
	errIsProtectedByAPassphrase: {en: '{path} is protected by a passphrase and none can be asked for here.', zh: '{path} 有密码保护，而这里无法询问密码。'},
	errIsProtectedByAPassphraseHint: {en: 'Load the key into ssh-agent (ssh-add) or run interactively.', zh: '把密钥加入 ssh-agent（ssh-add），或在交互式终端里运行。'},
	errThePassphraseForIsNot: {en: 'The passphrase for {path} is not right.', zh: '{path} 的密码不对。'},
	errThePassphraseForIsNotHint: {en: 'Check the passphrase with: ssh-keygen -y -f KEYFILE', zh: '用这条命令核对密码：ssh-keygen -y -f KEYFILE'},
	// exec/ssh-config.ts
	errTheSshConfigDoesNot: {en: 'The ssh config {path} does not exist.', zh: 'ssh 配置文件 {path} 不存在。'},
	errTheSshConfigDoesNotHint: {en: 'Check the path given to --ssh-config.', zh: '检查 --ssh-config 给出的路径。'},
	errTheSshConfigCannotBe: {en: 'The ssh config {path} cannot be read ({code}).', zh: '无法读取 ssh 配置文件 {path}（{code}）。'},
	errTheSshConfigCannotBeHint: {en: 'Check its permissions, or pick another file with --ssh-config.', zh: '检查它的权限，或用 --ssh-config 换一个文件。'},
	errTheSshConfigIncludesItself: {en: 'The ssh config includes itself (Include nested more than 8 deep).', zh: 'ssh 配置文件包含了它自己（Include 嵌套超过 8 层）。'},
	errTheSshConfigIncludesItselfHint: {en: 'Check the Include lines of your ssh config.', zh: '检查 ssh 配置文件里的 Include 行。'},
	errIsNotADestination: {en: '"{destination}" is not a destination like user@host or host:port.', zh: '"{destination}" 不是 user@host 或 host:port 形式的目标地址。'},
	errProxyJumpForGoesRoundIn: {en: 'ProxyJump for {alias} goes round in a loop (more than {maxHops} hops).', zh: '{alias} 的 ProxyJump 绕成了一个环（超过 {maxHops} 跳）。'},
	errProxyJumpForGoesRoundInHint: {en: 'Check the ProxyJump lines of your ssh config.', zh: '检查 ssh 配置文件里的 ProxyJump 行。'},
	errTheSshConfigGivesThe: {en: 'The ssh config gives {alias} the port "{configPort}".', zh: 'ssh 配置文件给 {alias} 的端口是 "{configPort}"。'},
	errTheSshConfigGivesTheHint: {en: 'Port takes a number from 1 to 65535.', zh: 'Port 要写 1 到 65535 之间的数字。'},
	// exec/ssh-executor.ts
	errTheJumpHostCouldNot: {en: 'The jump host {labelOf} could not reach {host}:{port}: {detail}', zh: '跳板机 {labelOf} 连不上 {host}:{port}：{detail}'},
	errTheJumpHostCouldNotHint: {
		en: 'Check that the jump host can connect to the target (and that its sshd allows TCP forwarding).',
		zh: '确认跳板机能连到目标主机（并且它的 sshd 允许 TCP 转发）。',
	},
	errCannotConnectTo: {en: 'Cannot connect to {labelOf}: {detail}', zh: '无法连接 {labelOf}：{detail}'},
	errTheServerRefusesToOpen: {en: '{label}: the server refuses to open a session ({detail}).', zh: '{label}：服务器拒绝打开会话（{detail}）。'},
	errTheServerRefusesToOpenHint: {
		en: 'Check MaxSessions in the target\'s sshd_config (it must be at least 1) and the sshd log.',
		zh: '检查目标主机 sshd_config 里的 MaxSessions（至少为 1）和 sshd 日志。',
	},
	errTheConnectionKeepsDroppingBefore: {en: '{label}: the connection keeps dropping before a command can start.', zh: '{label}：连接在命令开始前反复断开。'},
	errTheConnectionKeepsDroppingBeforeHint: {en: 'Check the network and the sshd log on the target.', zh: '检查网络和目标主机上的 sshd 日志。'},
	errTheConnectionDroppedWhileThe: {
		en: '{label}: the connection dropped while the command was starting, so it may or may not have run: {shown}',
		zh: '{label}：命令启动时连接断开，它可能执行了也可能没有：{shown}',
	},
	errTheConnectionDroppedWhileTheHint: {en: 'Check the network; mesos-lab reconnects for the next command.', zh: '检查网络；下一条命令 mesos-lab 会重新连接。'},
	errTheServerWouldNotRun: {en: '{label}: the server would not run the command ({detail}): {shown}', zh: '{label}：服务器不肯执行这条命令（{detail}）：{shown}'},
	errTheServerWouldNotRunHint: {en: 'Check ForceCommand and Match rules in the target\'s sshd_config.', zh: '检查目标主机 sshd_config 里的 ForceCommand 和 Match 规则。'},
	errTheConnectionWasClosedBefore: {en: '{label}: the connection was closed before the command started.', zh: '{label}：命令开始前连接已被关闭。'},
	errTheTargetEndedTheSession: {
		en: '{label}: the target ended the session without an exit status while running: {command}',
		zh: '{label}：目标主机在执行命令时结束了会话，没有给出退出码：{command}',
	},
	errTheTargetEndedTheSessionHint: {
		en: 'Look at the sshd log on the target; the command may or may not have finished.',
		zh: '查看目标主机上的 sshd 日志；命令可能执行完了，也可能没有。',
	},
	errTheConnectionDroppedWhileRunning: {en: '{label}: the connection dropped while running: {commandSummary}', zh: '{label}：执行命令时连接断开：{commandSummary}'},
	errTheConnectionDroppedWhileRunningHint: {
		en: 'The command may or may not have finished on the target. Check the network; mesos-lab reconnects for the next command.',
		zh: '命令在目标主机上可能执行完了，也可能没有。检查网络；下一条命令 mesos-lab 会重新连接。',
	},
	errSshAuthHint: {
		en: 'Check the user name and the key, agent or password (ssh -v USER@HOST shows what the server accepts).',
		zh: '检查用户名，以及密钥、agent 或密码（ssh -v USER@HOST 可以看到服务器接受哪些方式）。',
	},
	errSshReachHint: {en: 'Check that the machine is up, the address and port are right, and sshd is running.', zh: '确认机器已开机、地址和端口正确，并且 sshd 在运行。'},
	// exec/sudo.ts
	errSudoDidNotAcceptThe: {en: '{label}: sudo did not accept the password.', zh: '{label}：sudo 没有接受这个密码。'},
	errSudoDidNotAcceptTheHint: {
		en: 'Check the password (sudo -v on the machine asks for the same one), then try again.',
		zh: '核对密码（在那台机器上执行 sudo -v 要的是同一个密码），然后重试。',
	},
	errThisUserIsNotRoot: {en: '{label}: this user is not root and sudo is not installed.', zh: '{label}：这个用户不是 root，也没有安装 sudo。'},
	errThisUserIsNotRootHint: {en: 'Connect as root, or install sudo and give this user sudo rights.', zh: '以 root 连接，或安装 sudo 并给这个用户 sudo 权限。'},
	errSudoNeedsAPasswordAnd: {en: '{label}: sudo needs a password and none can be asked for here.', zh: '{label}：sudo 需要密码，而这里无法询问。'},
	errSudoNeedsAPasswordAndHint: {
		en: 'Run interactively so the password can be asked, or give the user passwordless sudo.',
		zh: '在交互式终端里运行以便询问密码，或给这个用户配置免密码 sudo。',
	},
	errASudoPasswordCannotContain: {en: 'A sudo password cannot contain a line break.', zh: 'sudo 密码里不能有换行。'},
	// experiments/agent-access.ts
	errMarathonRunsATaskOn: {en: 'Marathon runs a task on {agentHost}, which is not a host of this lab.', zh: 'Marathon 在 {agentHost} 上运行了一个任务，但它不是这个实验环境的主机。'},
	errMarathonRunsATaskOnHint: {en: 'The lab\'\'s hosts are {map}; is the Marathon address right?', zh: '实验环境的主机是 {map}；Marathon 的地址对吗？'},
	// experiments/catalog.ts
	errThereIsNoExperiment: {en: 'There is no experiment "{name}".', zh: '没有名为 "{name}" 的实验。'},
	errThereIsNoExperimentHint: {en: 'Choose one of: {map}', zh: '可选的有：{map}'},
	// experiments/cluster-probes.ts
	errNoMesosMasterAnsweredMasterState: {en: 'No Mesos master answered /master/state ({lastError}).', zh: '没有 Mesos master 回答 /master/state（{lastError}）。'},
	errMesosNeedsCredentials: {en: 'The Mesos masters answered 401: they require HTTP authentication.', zh: 'Mesos 主节点回答 401：需要 HTTP 认证。'},
	errMesosNeedsCredentialsHint: {en: 'Give the credentials as user:password in MESOS_LAB_MESOS_CREDENTIALS, or in a file of mode 600 with --mesos-credentials-file FILE.', zh: '把凭据以 user:password 的形式放进 MESOS_LAB_MESOS_CREDENTIALS，或写进权限为 600 的文件并用 --mesos-credentials-file FILE 指定。'},
	errNoMesosMasterAnsweredMasterStateHint: {en: 'Check --mesos; it should point at a master, port 5050.', zh: '检查 --mesos；它应当指向一个 master 的 5050 端口。'},
	errMesosDidNotReportA: {en: 'Mesos did not report a sandbox for task {id}.', zh: 'Mesos 没有报告任务 {id} 的 sandbox。'},
	errMesosDidNotReportAHint: {en: 'Open the task in the Mesos web UI (port 5050) to read its sandbox.', zh: '在 Mesos 网页控制台（端口 5050）里打开这个任务查看它的 sandbox。'},
	errTheAgentAtAnsweredFor: {en: 'The agent at {agentEndpoint} answered {status} for {path}.', zh: '{agentEndpoint} 上的 agent 对 {path} 返回了 {status}。'},
	errMarathonLbAnsweredForHaproxyGetconfig: {
		en: 'marathon-lb answered {status} for /_haproxy_getconfig.',
		zh: 'marathon-lb 对 /_haproxy_getconfig 返回了 {status}。',
	},
	errMarathonLbAnsweredForHaproxyGetconfigHint: {en: 'Check --lb; marathon-lb serves it on port 9090.', zh: '检查 --lb；marathon-lb 在 9090 端口上提供它。'},
	// experiments/failover.ts
	errHasNoTaskToKill: {en: '{nginxAppId} has no task to kill.', zh: '{nginxAppId} 没有可以杀掉的任务。'},
	// experiments/ha-probes.ts
	errTheExperimentStopsAndStarts: {
		en: 'The {experiment} experiment stops and starts the lab\'\'s daemons, so it needs a saved lab or the simulated cluster.',
		zh: '{experiment} 实验要停止和启动实验环境的守护进程，所以需要一个已保存的实验环境或模拟集群。',
	},
	errTheExperimentStopsAndStartsHint: {
		en: 'Pass --lab-id for a lab installed by mesos-lab, or run it on `mesos-lab demo` (MESOS_LAB_SIM_CONTROL).',
		zh: '对 mesos-lab 安装的实验环境加上 --lab-id，或在 `mesos-lab demo` 上运行（MESOS_LAB_SIM_CONTROL）。',
	},
	// experiments/lab-services.ts
	errTheLabHasNoZooKeeper: {en: 'The lab has no ZooKeeper member {id}.', zh: '实验环境里没有 ZooKeeper 成员 {id}。'},
	errTheLabHasNoMesos: {en: 'The lab has no Mesos master {index}.', zh: '实验环境里没有 Mesos master {index}。'},
	errTheLabHasNoMarathon: {en: 'The lab has no Marathon {index}.', zh: '实验环境里没有 Marathon {index}。'},
	errCouldNotReachTo: {en: 'Could not reach {name} ({address}) to run {command}: {detail}', zh: '无法连接 {name}（{address}）来执行 {command}：{detail}'},
	errCouldNotReachToHint: {en: 'Check the SSH link to the host.', zh: '检查到这台主机的 SSH 连接。'},
	errFailedOn: {en: '{command} failed on {name}: {trim}', zh: '{command} 在 {name} 上失败：{trim}'},
	errFailedOnHint: {en: 'Look at the unit\'\'s log on {name}: journalctl -u <unit>', zh: '查看 {name} 上这个服务单元的日志：journalctl -u <unit>'},
	errTheSimulatorRefused: {en: 'The simulator refused {action}: {slice}', zh: '模拟集群拒绝了 {action}：{slice}'},
	// experiments/marathon-failover.ts
	errMarathonFailoverNeedsBothOfThe: {
		en: 'marathon-failover needs both of the lab\'\'s Marathons; it was given {length}.',
		zh: 'marathon-failover 需要实验环境的两个 Marathon，实际只给了 {length} 个。',
	},
	errMarathonFailoverNeedsBothOfTheHint: {en: 'Pass --lab-id, or --marathon with both addresses.', zh: '加上 --lab-id，或用 --marathon 给出两个地址。'},
	errV2LeaderNamesWhichIsNot: {en: '/v2/leader names {firstLeader}, which is not one of {urls}.', zh: '/v2/leader 指向 {firstLeader}，它不在 {urls} 之中。'},
	errV2LeaderNamesWhichIsNotHint: {
		en: 'Pass --marathon with the addresses Marathon advertises (its --hostname and --http_port).',
		zh: '用 --marathon 给出 Marathon 对外公布的地址（它的 --hostname 和 --http_port）。',
	},
	// experiments/master-failover.ts
	errMasterFailoverNeedsTheLabSThree: {
		en: 'master-failover needs the lab\'\'s three masters; it was given {length}.',
		zh: 'master-failover 需要实验环境的三个 master，实际只给了 {length} 个。',
	},
	errMasterFailoverNeedsTheLabSThreeHint: {en: 'Pass --lab-id, or --mesos with all three masters.', zh: '加上 --lab-id，或用 --mesos 给出全部三个 master。'},
	errTheLeadingMasterIsNot: {en: 'The leading master {hostPort} is not one of {mesosUrls}.', zh: '主节点 master {hostPort} 不在 {mesosUrls} 之中。'},
	errTheLeadingMasterIsNotHint: {en: 'Pass --mesos with the masters\' addresses as they advertise them.', zh: '用 --mesos 给出各 master 对外公布的地址。'},
	// experiments/service-port.ts
	errMarathonReportsNoServicePort: {en: 'Marathon reports no service port for {appId}.', zh: 'Marathon 没有报告 {appId} 的 service port。'},
	errMarathonReportsNoServicePortHint: {
		en: 'Look at the app\'\'s portMappings with: curl MARATHON/v2/apps{appId}',
		zh: '用这条命令查看应用的 portMappings：curl MARATHON/v2/apps{appId}',
	},
	// experiments/task-killers.ts
	errTaskPublishesNoHostPort: {en: 'Task {id} publishes no host port, so its container cannot be found.', zh: '任务 {id} 没有公开主机端口，所以找不到它的容器。'},
	errNoRunningContainerPublishesPort: {en: 'No running container publishes port {port} on {host}.', zh: '{host} 上没有运行中的容器公开端口 {port}。'},
	errDockerKillFailedOn: {en: 'docker kill {id} failed on {host}: {trim}', zh: '在 {host} 上 docker kill {id} 失败：{trim}'},
	errTheSimulatorRefusedToKill: {en: 'The simulator refused to kill {id}: {slice}', zh: '模拟集群拒绝杀掉 {id}：{slice}'},
	errTaskStillRunningHint: {en: 'Is the task still running?', zh: '这个任务还在运行吗？'},
	// experiments/wait-for.ts
	errInterrupted: {en: 'Interrupted.', zh: '已中断。'},
	errInterruptedHint: {en: 'Run the experiment again when you are ready.', zh: '准备好后再运行一次实验。'},
	errTimedOutWaitingHint: {en: 'Watch the cluster with: mesos-lab dashboard', zh: '用这条命令观察集群：mesos-lab dashboard'},
	errTimedOutWaiting: {en: 'Timed out after {seconds} s waiting for {what}.', zh: '等待 {what} 超时（{seconds} 秒）。'},
	errTimedOutWaitingLastError: {en: 'Timed out after {seconds} s waiting for {what} (last error: {detail}).', zh: '等待 {what} 超时（{seconds} 秒；最后一次错误：{detail}）。'},
	// experiments/zk-quorum.ts
	errNoZooKeeperFollowerIsLeft: {en: 'No ZooKeeper follower is left to stop.', zh: '已经没有可以停止的 ZooKeeper follower。'},
	// lab/lab-file.ts: the lab file's validation, one line per field
	errIssueTopLevel: {en: '(top level)', zh: '（顶层）'},
	errIssueType: {en: 'expected {expected}', zh: '应为 {expected}'},
	errIssueOneOf: {en: 'must be one of {values}', zh: '只能是 {values} 之一'},
	errIssueUnknownFields: {en: '{count, plural, one {unknown field} other {unknown fields}} {keys}', zh: '{count, plural, other {未知字段}} {keys}'},
	errIssueNoCredentials: {en: 'a URL without user:password@ (credentials never go into a lab file)', zh: '不能带 user:password@ 的 URL（账号密码从不写进 lab 文件）'},
	errIssueImageReference: {
		en: 'a Docker image reference such as mesosphere/marathon:v1.10.26 (registry/name:tag, lower-case name, never starting with "-")',
		zh: 'Docker 镜像引用，例如 mesosphere/marathon:v1.10.26（镜像仓库/名称:标签，名称小写，不能以 "-" 开头）',
	},
	errIssueMarathonLbPort: {
		en: 'marathon-lb always serves its HAProxy stats on 9090 (its config.py binds it); leave ports.marathonLb at 9090',
		zh: 'marathon-lb 总是在 9090 上提供 HAProxy 统计页面（它的 config.py 固定绑定这个端口）；ports.marathonLb 请保持 9090',
	},
	errIssuePreflightName: {en: 'must be one of {names}', zh: '只能是 {names} 之一'},
	errIsBytesALabFile: {
		en: '{sourcePath} is {bytes} bytes; a lab file may be at most {maxLabFileBytes} bytes (1 MiB).',
		zh: '{sourcePath} 有 {bytes} 字节；lab 文件最大 {maxLabFileBytes} 字节（1 MiB）。',
	},
	errIsBytesALabFileHint: {en: 'A lab file lists a handful of hosts; check that --config names the right file.', zh: 'lab 文件只列出几台主机；请确认 --config 指向的是正确的文件。'},
	errIsNotValidYAML: {en: '{sourcePath} is not valid YAML: {detail}', zh: '{sourcePath} 不是有效的 YAML：{detail}'},
	errIsNotValidYAMLHint: {en: 'Check the indentation and quoting near the line named above.', zh: '检查上面所说那一行附近的缩进和引号。'},
	errHostsPasswordIsNotAllowedPasswords: {
		en: '{sourcePath}: hosts.{index}.password is not allowed: passwords never go into a lab file.',
		zh: '{sourcePath}：不允许写 hosts.{index}.password：密码从不写进 lab 文件。',
	},
	errHostsPasswordIsNotAllowedPasswordsHint: {
		en: 'Use auth: password-prompt (asked at run time), auth: agent, or auth: identity-file with identityFile.',
		zh: '改用 auth: password-prompt（运行时询问）、auth: agent，或 auth: identity-file 加 identityFile。',
	},
	errHostsNeedsAtLeastOne: {en: '{sourcePath}: hosts needs at least one host.', zh: '{sourcePath}：hosts 里至少要有一台主机。'},
	errHostsNameIsUsedTwice: {en: '{sourcePath}: hosts.{index}.name "{name}" is used twice.', zh: '{sourcePath}：hosts.{index}.name "{name}" 用了两次。'},
	errHostsNameIsUsedTwiceHint: {en: 'Give every host its own name.', zh: '每台主机都要有自己的名字。'},
	errHostsIsLocalRunsOn: {
		en: '{sourcePath}: hosts.{index} is local (runs on this machine without SSH), so port, user and identityFile do not apply.',
		zh: '{sourcePath}：hosts.{index} 是本机（不经 SSH 直接在这台机器上运行），port、user 和 identityFile 不适用。',
	},
	errHostsIsLocalRunsOnHint: {
		en: 'Remove local: true to reach the host over SSH, or remove port, user and identityFile.',
		zh: '去掉 local: true 以通过 SSH 连接这台主机，或者去掉 port、user 和 identityFile。',
	},
	errHostsIdentityFileIsRequiredWhenAuth: {
		en: '{sourcePath}: hosts.{index}.identityFile is required when auth is identity-file.',
		zh: '{sourcePath}：auth 为 identity-file 时必须写 hosts.{index}.identityFile。',
	},
	errHostsIdentityFileIsRequiredWhenAuthHint: {
		en: 'Name the private key file, e.g. identityFile: ~/.ssh/id_ed25519, or use auth: agent.',
		zh: '写出私钥文件，例如 identityFile: ~/.ssh/id_ed25519，或改用 auth: agent。',
	},
	errNamesHostWhichIs: {en: '{sourcePath}: {field} names host "{host}", which is not in hosts.', zh: '{sourcePath}：{field} 指定的主机 "{host}" 不在 hosts 里。'},
	errNamesHostWhichIsHint: {en: 'Use one of: {hosts}.', zh: '请用其中之一：{hosts}。'},
	errRolesAgentsListsAHostTwice: {en: '{sourcePath}: roles.agents lists a host twice.', zh: '{sourcePath}：roles.agents 里有一台主机写了两次。'},
	errRolesAgentsListsAHostTwiceHint: {
		en: 'Run one Mesos agent per host: two agents on one machine would each offer all of its CPUs and memory.',
		zh: '每台主机只运行一个 Mesos agent：同一台机器上的两个 agent 会各自报告它的全部 CPU 和内存。',
	},
	errMirrorsPresetIsCustomSoMirrors: {
		en: '{sourcePath}: mirrors.preset is custom, so mirrors.{missing} must be set.',
		zh: '{sourcePath}：mirrors.preset 是 custom，所以必须写 mirrors.{missing}。',
	},
	errMirrorsPresetIsCustomSoMirrorsHint: {
		en: 'Give every mirror URL, or use preset: china or preset: global.',
		zh: '写出每个镜像源的 URL，或使用 preset: china 或 preset: global。',
	},
	errMesosDownloadIsRequiredWhenMesosSourc: {
		en: '{sourcePath}: mesos.download is required when mesos.source is {source}.',
		zh: '{sourcePath}：mesos.source 为 {source} 时必须写 mesos.download。',
	},
	errMesosDownloadIsRequiredWhenMesosSourcHint: {
		en: 'Give url and checksum (algorithm and value), and localFile for a file already on the host.',
		zh: '写出 url 和 checksum（algorithm 和 value）；文件已在主机上时再写 localFile。',
	},
	errMesosThirdPartyRepoAndMesosThirdParty: {
		en: '{sourcePath}: mesos.thirdPartyRepo and mesos.thirdPartyGpgKey are required when mesos.source is third-party-repo.',
		zh: '{sourcePath}：mesos.source 为 third-party-repo 时必须写 mesos.thirdPartyRepo 和 mesos.thirdPartyGpgKey。',
	},
	errMesosThirdPartyRepoAndMesosThirdPartyHint: {
		en: 'Give the repo base URL and its vendor\'s signing key, both https (AVENTER: https://www.aventer.biz/CentOS/support_aventer.asc); yum checks every package against the key.',
		zh: '写出软件源的基础 URL 和提供方的签名公钥，都要用 https（AVENTER：https://www.aventer.biz/CentOS/support_aventer.asc）；yum 会用这个公钥校验每个软件包。',
	},
	errMarathonDownloadIsRequiredWhenMaratho: {
		en: '{sourcePath}: marathon.download is required when marathon.source is tarball.',
		zh: '{sourcePath}：marathon.source 为 tarball 时必须写 marathon.download。',
	},
	errMarathonDownloadIsRequiredWhenMarathoHint: {
		en: 'Marathon tarballs are no longer published; give your own copy with its sha256, or use source: image.',
		zh: 'Marathon 已不再发布 tarball；请提供你自己的副本和它的 sha256，或使用 source: image。',
	},
	errPortOnHostIsWanted: {
		en: '{sourcePath}: port {port} on host {host} is wanted by both {other} and {what}.',
		zh: '{sourcePath}：主机 {host} 上的端口 {port} 同时被 {other} 和 {what} 使用。',
	},
	errPortOnHostIsWantedHint: {en: 'Change one of them under ports: so every process on a host has its own port.', zh: '在 ports: 下改掉其中一个，让一台主机上的每个进程各用各的端口。'},
	errLabFileProblems: {
		en: '{sourcePath} has {count, plural, one {a problem} other {problems}}:\n{issues}',
		zh: '{sourcePath} 有 {count, plural, other {# 处问题}}：\n{issues}',
	},
	errLabFileProblemsHint: {en: 'See examples/lab.yaml for a complete, commented lab file.', zh: '完整、带注释的 lab 文件见 examples/lab.yaml。'},
	// lab/validate.ts
	errIsNotAHost: {en: '{field} "{printable}" is not a host name or IP address.', zh: '{field} "{printable}" 不是主机名或 IP 地址。'},
	errIsNotAHostHint: {
		en: 'Use letters, digits, dots and hyphens (for example centos7.lab or 192.168.56.10).',
		zh: '只用字母、数字、点和连字符（例如 centos7.lab 或 192.168.56.10）。',
	},
	errIsNotAPort: {en: '{field} "{printable}" is not a port number.', zh: '{field} "{printable}" 不是端口号。'},
	errIsNotAPortHint: {en: 'Use a whole number from 1 to 65535.', zh: '请写 1 到 65535 之间的整数。'},
	errIsNotAValid: {en: '{field} "{printable}" is not a valid Linux user name.', zh: '{field} "{printable}" 不是有效的 Linux 用户名。'},
	errIsNotAValidHint: {
		en: 'Use lower-case letters, digits, "_" and "-", starting with a letter or "_" (for example root or centos).',
		zh: '用小写字母、数字、"_" 和 "-"，以字母或 "_" 开头（例如 root 或 centos）。',
	},
	errIsNotAnAbsolute2: {en: '{field} "{printable}" is not an absolute path mesos-lab can use.', zh: '{field} "{printable}" 不是 mesos-lab 能用的绝对路径。'},
	errIsNotAnAbsolute2Hint: {
		en: 'Use an absolute path of letters, digits and . _ - / @ + (no spaces, quotes, "$" or "..").',
		zh: '用由字母、数字和 . _ - / @ + 组成的绝对路径（不能有空格、引号、"$" 或 ".."）。',
	},
	// sim/real-haproxy.ts
	errHAProxyNotFoundAt: {en: 'HAProxy not found at {binary}', zh: '在 {binary} 找不到 HAProxy'},
	errHAProxyNotFoundAtHint: {
		en: 'Install Debian\'s haproxy package, or run the simulated cluster without the real HAProxy.',
		zh: '安装 Debian 的 haproxy 软件包，或不带真实 HAProxy 运行模拟集群。',
	},
	errHAProxyStatsAnswered: {en: 'HAProxy stats answered {status}', zh: 'HAProxy 统计页面返回 {status}'},
	errHAProxyDidNotOpenIts: {en: 'HAProxy did not open its stats page on port {statsPort}', zh: 'HAProxy 没有在端口 {statsPort} 上打开统计页面'},
	errPortFreeHint: {en: 'Check that the port is free.', zh: '确认这个端口没有被占用。'},
	// state/checkpoint-store.ts
	errCheckpointOwnerHint: {en: 'Run mesos-lab as the user who owns {file}, or fix its permissions ({command}).', zh: '用拥有 {file} 的用户运行 mesos-lab，或修正它的权限（{command}）。'},
	errCheckpointFixJsonHint: {en: 'Fix the JSON by hand, or move it aside ({moveAside}) to start this lab\'\'s journal afresh.', zh: '手动修正这个 JSON，或把它移开（{moveAside}），这个实验环境的运行记录会重新开始。'},
	errCouldNotWriteTheStep: {en: 'Could not write the step log {path} ({codeOf}); the run stopped here.', zh: '无法写入步骤日志 {path}（{codeOf}），运行已停在这里。'},
	errCouldNotWriteTheStepHint: {en: 'Free some space or make the folder writable, then run `mesos-lab resume`.', zh: '腾出磁盘空间或让该目录可写，然后运行 `mesos-lab resume`。'},
	errCouldNotReadTheStep: {en: 'Could not read the step log {path}.', zh: '无法读取步骤日志 {path}。'},
	errCouldNotReadTheStepHint: {en: 'Check that it is a readable file.', zh: '确认它是一个可读的文件。'},
	errTheCheckpointFileCannotBe: {en: 'The checkpoint file {file} cannot be read ({detail}); it was left untouched.', zh: '无法读取检查点文件 {file}（{detail}）；文件保持原样。'},
	errDiskFull: {en: 'the disk is full', zh: '磁盘已满'},
	errReadOnlyFileSystem: {en: 'the file system is read-only', zh: '文件系统是只读的'},
	errFolderNotWritable: {en: 'the folder is not writable', zh: '目录不可写'},
	errCheckpointSaveFailed: {
		en: 'Could not save the checkpoint file {file}: {why}. The run stopped; the last saved checkpoint is intact (previous copy: {previous}).',
		zh: '无法保存检查点文件 {file}：{why}。运行已停止；上一次保存的检查点完好（旧副本：{previous}）。',
	},
	// state/home-check.ts
	errCheckpointsAndLogsLiveThereHint: {
		en: 'Checkpoints and logs live there. Choose a writable folder with --home (or MESOS_LAB_HOME), or free space / fix its permissions.',
		zh: '检查点和日志都存放在这里。用 --home（或 MESOS_LAB_HOME）换一个可写的目录，或腾出空间、修正权限。',
	},
	errHomeReadOnly: {en: 'its file system is read-only', zh: '所在文件系统是只读的'},
	errUserMayNotWrite: {en: 'this user may not write there', zh: '当前用户没有写权限'},
	errHomeNotWritable: {
		en: 'The mesos-lab home {home} cannot be written ({why}); nothing was run on any host.',
		zh: 'mesos-lab 的目录 {home} 无法写入（{why}）；没有在任何主机上执行命令。',
	},
	// state/lock.ts
	errLabIsInUseBy: {en: 'Lab {dir} is in use by process {pid} on {host}, started {startedAt}.', zh: '实验环境 {dir} 正被 {host} 上的进程 {pid} 使用，启动于 {startedAt}。'},
	errCouldNotTakeTheLock: {en: 'Could not take the lock {path}: it keeps changing.', zh: '无法取得锁 {path}：它一直在变化。'},
	errCouldNotTakeTheLockHint: {en: 'Another mesos-lab is starting on this lab; try again.', zh: '另一个 mesos-lab 正在这个实验环境上启动；请重试。'},
	errCouldNotCreateTheLock: {en: 'Could not create the lock {path}.', zh: '无法创建锁 {path}。'},
	errCouldNotCreateTheLockHint: {en: 'Check that the folder exists and is writable.', zh: '确认目录存在且可写。'},
	errLockHeldHereHint: {en: 'Wait for it to finish, or stop it (kill {pid}) and run the command again.', zh: '等它结束，或停止它（kill {pid}）后重新运行命令。'},
	errLockHeldElsewhereHint: {en: 'Stop it on {host}; if that machine is gone, delete {path}.', zh: '在 {host} 上停止它；如果那台机器已经不在了，删除 {path}。'},
	// state/migrate.ts
	errTheCheckpointFileHasNo: {en: 'The checkpoint file {file} has no schemaVersion.', zh: '检查点文件 {file} 里没有 schemaVersion。'},
	errTheCheckpointFileHasNoHint: {en: 'Move it aside ({moveAside}) to start this lab\'\'s journal afresh.', zh: '把它移开（{moveAside}），这个实验环境的运行记录会重新开始。'},
	errTheCheckpointFileWasWritten: {
		en: 'The checkpoint file {file} was written by a newer mesos-lab (format {version}, this one reads {journalSchemaVersion}).',
		zh: '检查点文件 {file} 是更新版本的 mesos-lab 写的（格式 {version}，当前版本只能读 {journalSchemaVersion}）。',
	},
	errTheCheckpointFileWasWrittenHint: {en: 'Upgrade mesos-lab, or use --home to keep this lab apart.', zh: '升级 mesos-lab，或用 --home 把这个实验环境分开存放。'},
	errTheCheckpointFileIsDamaged: {
		en: 'The checkpoint file {file} is damaged ({firstIssue}); it was left untouched.',
		zh: '检查点文件 {file} 已损坏（{firstIssue}）；文件保持原样。',
	},
	errTheCheckpointFileIsDamagedHint: {
		en: 'Fix that field by hand, or move the file aside ({moveAside}) to start this lab\'\'s journal afresh.',
		zh: '手动修正这个字段，或把文件移开（{moveAside}），这个实验环境的运行记录会重新开始。',
	},
	// state/paths.ts
	errIsNotAValid2: {en: '"{labId}" is not a valid lab id.', zh: '"{labId}" 不是有效的实验环境名。'},
	errIsNotAValid2Hint: {en: 'Use lowercase letters, digits and dashes, for example "home-lab".', zh: '用小写字母、数字和连字符，例如 "home-lab"。'},
	// steps/plan-script.ts
	errAStepProbedTheHost: {en: 'a step probed the host while planning', zh: '规划时有步骤探测了主机'},
	errUploadWhilePlanning: {en: 'upload while planning', zh: '规划时上传文件'},
	errDownloadWhilePlanning: {en: 'download while planning', zh: '规划时下载文件'},
	// steps/preflight.ts
	errIgnorePreflightNoPreflightCheckHas: {
		en: '--ignore-preflight {unknown}: no preflight check has that name.',
		zh: '--ignore-preflight {unknown}：没有叫这个名字的预检项。',
	},
	errIgnorePreflightNoPreflightCheckHasHint: {en: 'Use one of: {preflightCheckNames}.', zh: '请用其中之一：{preflightCheckNames}。'},
	errStopJobFailed: {en: 'stop job {name}', zh: '停止后台作业 {name}'},
	errStopJobFailedHint: {en: 'The job may have ended already; check its folder on the target.', zh: '这个后台作业可能已经结束了；请到目标主机上查看它的目录。'},
	errSavedLabCannotBeUsed: {en: 'The saved lab of {labId} cannot be used: {detail}', zh: '实验环境 {labId} 保存的配置无法使用：{detail}'},
	errSavedLabCannotBeUsedHint: {
		en: 'Nothing was changed. Write a corrected lab file and run `mesos-lab init --config lab.yaml --lab-id {labId}`: it continues from the same journal.',
		zh: '没有做任何改动。写一份改正后的 lab 文件，再运行 `mesos-lab init --config lab.yaml --lab-id {labId}`：它会接着同一份检查点日志继续。',
	},
	errStepIsNotRunning: {en: 'step {key} is {status}, not running', zh: '步骤 {key} 的状态是 {status}，不在运行中'},
	errOptionsDoNotFitSchema: {en: 'the options of {command} do not fit its schema ({issue})', zh: '{command} 的选项与它的定义不符（{issue}）'},
});
