import {defineCatalog} from '../define-catalog.js';

/** The install steps: titles, the why of each step, command descriptions, failure hints, preflight fixes and the exported script's own comments. */
export const stepTexts = defineCatalog({
	// Reasons: why a step is in place or still needed, and the proof (or problem) its verify found.
	stepReasonInPlace: {en: 'already in place: {step}', zh: '已就绪：{step}'},
	stepReasonNotDone: {en: 'not done yet: {step}', zh: '尚未完成：{step}'},
	stepReasonWorks: {en: 'works: {step}', zh: '已生效：{step}'},
	stepReasonDoesNotWork: {en: 'does not work yet: {step}', zh: '尚未生效：{step}'},
	stepReasonCouldNotCheck: {en: 'could not check: {error}', zh: '无法检查：{error}'},
	stepReasonNone: {en: 'none', zh: '无'},
	stepReasonNoAnswer: {en: 'no answer', zh: '无应答'},
	stepReasonLoggedIn: {en: 'logged in to {registry}', zh: '已登录 {registry}'},
	stepReasonNotLoggedIn: {en: 'not logged in to {registry}', zh: '尚未登录 {registry}'},
	stepReasonLoginHeld: {en: 'docker holds a login for {registry}', zh: 'docker 已保存 {registry} 的登录凭据'},
	stepReasonNoLoginHeld: {en: 'docker holds no login for {registry}', zh: 'docker 没有 {registry} 的登录凭据'},
	stepReasonSwapInUse: {en: '{path} is in use as swap', zh: '{path} 已用作交换空间'},
	stepReasonSwapNotInUse: {en: '{path} is not in use as swap', zh: '{path} 尚未用作交换空间'},
	stepReasonZookeeperUnpacked: {en: 'ZooKeeper is unpacked', zh: 'ZooKeeper 已解压'},
	stepReasonZookeeperNotUnpacked: {en: 'ZooKeeper is not unpacked yet', zh: 'ZooKeeper 尚未解压'},
	// Preflight findings: what each check found on the machine.
	stepPreflightFound: {en: 'found {system}', zh: '检测到 {system}'},
	stepPreflightUnknownSystem: {en: 'an unknown system', zh: '未知系统'},
	stepPreflightCpus: {en: '{cpus, plural, one {# CPU} other {# CPUs}}', zh: '{cpus, plural, other {# 个 CPU}}'},
	stepPreflightMemory: {en: '{gib} GiB of memory and swap', zh: '内存加交换空间共 {gib} GiB'},
	stepPreflightDiskFree: {en: '{gb} GB free', zh: '剩余 {gb} GB'},
	stepPreflightClockSkew: {en: 'skew {seconds} s', zh: '时钟偏差 {seconds} s'},
	stepPreflightHostnameUnresolved: {en: '{name} does not resolve', zh: '{name} 无法解析'},
	stepPreflightHostnameLoopback: {en: '{name} resolves to loopback {address}', zh: '{name} 解析到回环地址 {address}'},
	stepPreflightOneVm: {en: '{problem} (one VM: every daemon is given {address} explicitly)', zh: '{problem}（单机实验：每个守护进程都显式指定了 {address}）'},
	stepPreflightPortsFree: {
		en: "{free} ports free{own, plural, =0 {} other {, # held by the lab''s own services}}",
		zh: '{free} 个端口空闲{own, plural, =0 {} other {，# 个被本实验环境自己的服务占用}}',
	},
	stepPreflightPortsInUse: {en: 'in use: {ports}', zh: '已被占用：{ports}'},
	stepPreflightImagesOffline: {en: 'images come from docker.offlineImages', zh: '镜像来自 docker.offlineImages'},
	stepPreflightImagesServed: {en: '{registry} serves {images}', zh: '{registry} 能提供 {images}'},
	stepPreflightImagesRefused: {en: 'no registry serves {images} ({refusals})', zh: '没有镜像仓库能提供 {images}（{refusals}）'},
	stepPreflightIgnored: {en: '{detail} (ignored by request)', zh: '{detail}（已按要求忽略）'},
	stepReasonZookeeperRuns: {en: 'zkServer.sh is in place and Java runs', zh: 'zkServer.sh 已就位，Java 可以运行'},
	stepReasonZookeeperCannotRun: {en: 'zkServer.sh is missing after unpacking, or Java does not run', zh: '解压后找不到 zkServer.sh，或 Java 无法运行'},
	stepReasonMemberServing: {en: 'member {id} answers on {port}', zh: '成员 {id} 在端口 {port} 上应答'},
	stepReasonMemberNotServing: {en: 'member {id} is not configured and serving', zh: '成员 {id} 尚未配置好或未在服务'},
	stepReasonMemberAwaitsQuorum: {en: 'member {id} answers srvr on {port} and waits for a quorum', zh: '成员 {id} 在端口 {port} 上应答 srvr，正在等待法定人数（quorum）'},
	stepReasonMemberMode: {en: 'member {id} answers srvr ({mode})', zh: '成员 {id} 应答 srvr（{mode}）'},
	stepReasonMemberSilent: {en: 'member {id} does not answer srvr on {port}', zh: '成员 {id} 在端口 {port} 上不应答 srvr'},
	stepReasonZookeeperLeader: {en: 'zk{id} ({address}) leads; {modes}', zh: 'zk{id}（{address}）是主节点；{modes}'},
	stepReasonZookeeperNoLeader: {
		en: 'expected exactly one ZooKeeper leader, found {leaders}; {silent, plural, one {# member} other {# members}} not serving ({members})',
		zh: '应有且只有一个 ZooKeeper 主节点，实际有 {leaders} 个；{silent, plural, other {# 个成员}}未在服务（{members}）',
	},
	stepReasonMarathonsAgree: {en: 'both Marathons answer /v2/info; leader {leader}', zh: '两个 Marathon 都应答 /v2/info；主节点是 {leader}'},
	stepReasonMarathonsDisagree: {en: 'Marathons disagree or do not answer: {answers}', zh: '两个 Marathon 意见不一或没有应答：{answers}'},
	stepReasonMastersDisagree: {
		en: 'masters do not agree on one leader (named: {named}; not redirecting: {silent})',
		zh: 'Mesos master 没有一致认同同一个主节点（被指为主节点的：{named}；没有重定向的：{silent}）',
	},
	stepReasonLeaderOutsideLab: {en: 'the masters name {leader} as leader, which is not one of the lab\'s masters', zh: 'Mesos master 指出的主节点 {leader} 不是本实验环境的 master'},
	stepReasonMasterLeads: {en: 'master {index} ({leader}) leads; the others redirect to it', zh: 'master {index}（{leader}）是主节点，其余 master 都重定向到它'},
	stepReasonAgentOffers: {en: 'agent {address} is registered and offers {resources}', zh: 'agent {address} 已注册，提供资源 {resources}'},
	stepReasonAgentNotRegistered: {en: 'agent {address} is not registered with the leading master', zh: 'agent {address} 尚未在主节点（leader）上注册'},
	stepReasonAgentOffersNothing: {en: 'agent {address} is registered but reports no CPUs or memory', zh: 'agent {address} 已注册，但没有报告可用的 CPU 或内存'},
	// steps/docker.ts
	stepDockerContainerConfigHint: {
		en: 'Docker 26 dropped ContainerConfig from docker inspect, which Mesos 1.11 reads. yum install never goes back a version: run yum downgrade -y docker-ce-24.0.9 docker-ce-cli-24.0.9 docker-ce-rootless-extras-24.0.9 (the version in versions.dockerCe, 25.0.x or older), then mesos-lab init again, which locks that version with yum versionlock so no later yum update moves it.',
		zh: 'Docker 26 起 docker inspect 不再输出 ContainerConfig，而 Mesos 1.11 依赖它。yum install 不会降级，要用 yum downgrade -y docker-ce-24.0.9 docker-ce-cli-24.0.9 docker-ce-rootless-extras-24.0.9（版本取 versions.dockerCe，25.0.x 或更低），再重跑 mesos-lab init：它会用 yum versionlock 锁住这个版本，之后的 yum update 不会再把它升上去。',
	},
	stepDockerDaemonConfigTitle: {en: 'Probe the registry mirrors and write /etc/docker/daemon.json', zh: '探测镜像加速器并写入 /etc/docker/daemon.json'},
	stepDockerDaemonConfigWhy: {
		en: 'Most China Docker Hub accelerators have closed or serve only their campus (SJTU, USTC, 163, Qiniu, docker-cn), and the tutorial\'s DaoCloud accelerator now works from an allow-list: /v2/ answers, yet images off the list get 403. So each address in mirrors.registryMirrors is asked for the manifests of the images this lab pulls (Marathon and marathon-lb), and only mirrors that serve all of them are kept; with none, images come straight from Docker Hub, and where that fails too, docker.offlineImages loads saved archives instead. The cgroupfs driver stays, because Mesos\' cgroup handling expects it.',
		zh: '国内多数 Docker Hub 镜像加速器已关闭或只对校内开放（上交、中科大、网易、七牛、docker-cn），教程里的 daocloud 镜像加速器也改成了白名单制：/v2/ 能应答，白名单外的镜像却返回 403。所以这里对 mirrors.registryMirrors 里的每个地址，直接请求本实验环境要拉的镜像（Marathon 和 marathon-lb）的 manifest，只保留全部能给出的；一个都没有时直连 Docker Hub，拉不到就改用 docker.offlineImages 导入离线镜像包。同时保持 cgroupfs 驱动，Mesos 的 cgroup 处理依赖它。',
	},
	stepDockerDaemonConfigDo: {en: 'Ask each mirror for the images needed and write daemon.json', zh: '探测镜像加速器能否给出所需镜像并生成 daemon.json'},
	stepDockerInstallTitle: {en: 'Install docker-ce {version} (pinned)', zh: '安装 docker-ce {version}（固定版本）'},
	stepDockerInstallWhy: {
		en: 'The tutorial\'s daocloud script is dead. The docker-ce repo is configured directly with a pinned version: the newest el7 build, 26.1.4, dropped the ContainerConfig field Mesos 1.11 reads, so the lab stays at 25.0.x or below. docker-ce, docker-ce-cli and docker-ce-rootless-extras (which el7 always pulls in) get the same version and are held there with yum versionlock; otherwise any later yum update quietly moves Docker to 26.1.4 and every Docker task fails.',
		zh: '教程的 daocloud 一键脚本已失效。这里直接配置 docker-ce 源并固定版本：el7 上最新的 26.1.4 去掉了 Mesos 1.11 需要的 ContainerConfig 字段，所以停在 25.0.x 以下。docker-ce、docker-ce-cli 和 el7 上必带的 docker-ce-rootless-extras 都装同一个版本，并用 yum versionlock 锁住：否则以后任何一次 yum update 都会把 Docker 悄悄升到 26.1.4，所有 Docker 任务随之失败。',
	},
	stepDockerInstallDo: {en: 'Install the pinned version and lock it', zh: '安装固定版本并用 versionlock 锁住'},
	stepDockerInstallDo2: {en: 'Start now and at every boot', zh: '开机自启并立即启动'},
	stepDockerLoadOfflineTitle: {en: 'Load images from the offline bundle', zh: '从离线包导入镜像'},
	stepDockerLoadOfflineWhy: {
		en: 'mesosphere/* images are not on the China accelerators\' allow-lists and Hub tags have vanished before; archives made with docker save load as they are.',
		zh: 'mesosphere/* 镜像不在国内镜像加速器的白名单里，Docker Hub 上的标签也可能消失；docker save 导出的包可以原样导入。',
	},
	stepDockerLoadOfflineDo: {en: 'Load {archive}', zh: '导入 {archive}'},
	stepOfflineArchiveMissingHint: {
		en: 'An offline image archive is missing or damaged: check that each path in docker.offlineImages exists on the target, and export it again with docker save -o.',
		zh: '离线镜像包不存在或已损坏：确认 docker.offlineImages 里的路径在目标主机上，并用 docker save -o 重新导出。',
	},
	stepDockerLoginNeedsPasswordHint: {
		en: 'docker login did not get a valid password: type it when the wizard asks, or set MESOS_LAB_DOCKER_PASSWORD for an unattended run (it is never saved).',
		zh: 'docker login 没有拿到正确的密码：在向导里输入，或无人值守运行时设置环境变量 MESOS_LAB_DOCKER_PASSWORD（不会被保存）。',
	},
	stepDockerLoginTitle: {en: 'Log in to {registry}', zh: '登录镜像仓库 {registry}'},
	stepDockerLoginWhy: {
		en: 'Docker Hub allows unauthenticated users 10 pulls an hour per IP address; logged-in users get more. The password is asked at run time and handed to docker login on stdin, so it never appears in a command line, a log or the lab file; docker keeps its own token in /root/.docker/config.json, which docker logout removes.',
		zh: 'Docker Hub 对未登录的拉取限制为每个 IP 每小时 10 次，登录后限额更高。密码只在运行时询问，经标准输入交给 docker login，不出现在命令行、日志或 lab 文件里；docker 自己会把登录令牌存在 /root/.docker/config.json，docker logout 可以删除它。',
	},
	stepDockerLoginAsksDo: {en: 'docker asks for the password', zh: 'docker 会提示输入密码'},
	stepDockerLoginStdinDo: {en: 'The password goes in on stdin', zh: '密码经标准输入传入'},
	// steps/marathon-lb.ts
	stepMarathonLbTitle: {en: 'Start marathon-lb (port {port})', zh: '启动 marathon-lb（端口 {port}）'},
	stepMarathonLbWhy: {
		en: 'Containers default to bridge networking: their ports are invisible on the host except through port mappings, and hostPort 0 means a random host port. marathon-lb follows Marathon\'s event stream, writes the tasks\' real addresses into HAProxy and serves each app on its servicePort; it only proxies apps labelled HAPROXY_GROUP=docker-haproxy, and a HAPROXY_0_VHOST label routes port 80 by host name. It runs with host networking itself, listening on the host\'s ports directly; PORTS=9090 is the HAProxy status port.',
		zh: '容器默认用 bridge 网络：容器端口在主机上不可见，只能靠端口映射，hostPort 为 0 时映射到随机端口。marathon-lb 监听 Marathon 的事件流，把任务的真实地址写进 HAProxy，并在 servicePort 上对外服务；它只代理带 HAPROXY_GROUP=docker-haproxy 标签的应用，HAPROXY_0_VHOST 标签还能让 80 端口按域名转发。它自己用 host 网络，直接监听主机端口，PORTS=9090 是 HAProxy 状态页。',
	},
	// steps/marathon.ts
	stepMarathonLibmesosHint: {
		en: 'Marathon cannot find libmesos: the image carries its own; with a tarball the unit points MESOS_NATIVE_JAVA_LIBRARY at the lib/libmesos.so link under the lab root: check that it leads to a file, and that Mesos was built with its Java bindings (it is when marathon.source is tarball).',
		zh: 'Marathon 找不到 libmesos：用镜像时镜像自带；用 tarball 时 unit 把 MESOS_NATIVE_JAVA_LIBRARY 指向实验环境目录下 lib/libmesos.so 这个链接，确认它指向一个存在的文件，并且 Mesos 编译时带了 Java 绑定（marathon.source: tarball 时会带）。',
	},
	stepMarathonDownloadDo: {en: 'Download and verify Marathon', zh: '下载并校验 Marathon'},
	stepMarathonTitle: {en: 'Start Marathon {index} (port {port})', zh: '启动 Marathon {index}（端口 {port}）'},
	stepMarathonWhy: {
		en: 'Mesos only manages resources; a framework puts them to use. A framework has a scheduler and executors: Marathon is the scheduler, and the agent\'s built-in mesos-executor and mesos-docker-executor run the tasks. The two Marathons elect their leader under /marathon in ZooKeeper, independently of the Mesos masters\' election. The tutorial\'s tarball host is gone (NXDOMAIN), so the mesosphere/marathon image runs with host networking. LIBPROCESS_IP is set to the host\'s network address: without it the libmesos inside Marathon tells the master whatever the host name resolves to, 127.0.0.1 on a minimal install, which a master on another machine cannot answer, and apps never deploy.',
		zh: 'Mesos 只管资源；要用起来需要 framework。framework 由 scheduler 和 executor 组成：Marathon 就是 scheduler，executor 用 agent 自带的 mesos-executor 和 mesos-docker-executor。两个 Marathon 通过 ZooKeeper 的 /marathon 选主，这和 Mesos master 的选举是各自独立的。教程的 tarball 下载站已不存在（NXDOMAIN），所以用 mesosphere/marathon 镜像以 host 网络运行。LIBPROCESS_IP 设为本机网卡地址：不设时 Marathon 里的 libmesos 会把主机名解析出的地址告诉 master，minimal 安装上那是 127.0.0.1，另一台机器上的 master 就回不了话，应用永远部署不上。',
	},
	stepMarathonLeaderTitle: {en: 'Confirm both Marathons agree on the leader', zh: '确认两个 Marathon 认同同一个主节点'},
	stepMarathonLeaderWhy: {
		en: 'A standby Marathon forwards requests to the leader; both naming the same leader shows the pair is highly available.',
		zh: '不是主节点的 Marathon 会把请求转给主节点；两者报告相同的主节点，说明高可用生效。',
	},
	// steps/mesos-agent.ts
	stepMesosAgentTitle: {en: 'Start the Mesos agent (port {port})', zh: '启动 Mesos agent（端口 {port}）'},
	stepMesosAgentWhy: {
		en: 'The agent reports this machine\'s CPUs, memory and disk to the leading master and runs tasks here. containerizers=mesos,docker enables both kinds of isolation: the Mesos containerizer uses Linux namespaces and cgroups directly, the Docker containerizer hands tasks to the Docker daemon. Run one agent per machine, or the same resources are counted twice. attributes (such as dc:bj) let Marathon constraints place tasks by data centre. As Mesos advises for systemd, the unit sets KillMode=process and Delegate=true and keeps the default systemd support: restarting the agent restarts only the agent, running tasks carry on, and the restarted agent takes them back.',
		zh: 'agent 把本机的 CPU、内存、磁盘报告给主节点，并在本机运行任务。containerizers=mesos,docker 打开两种隔离方式：mesos 容器化器直接用 Linux namespace 和 cgroup，docker 容器化器把任务交给 Docker 守护进程。每台机器只能跑一个 agent，否则同一份资源会被重复计算。attributes（如 dc:bj）让 Marathon 的约束（constraints）按机房放置任务。按 Mesos 官方对 systemd 的建议，unit 设了 KillMode=process 和 Delegate=true，并保留默认的 systemd 支持：重启 agent 只重启它自己，正在运行的任务不受影响，重启后的 agent 会重新接管它们。',
	},
	// steps/mesos-install.ts
	stepMaven501Hint: {
		en: 'Maven Central has refused http since 2020 (501). Make sure the mirror in /etc/maven/settings.xml is https (mirrors.maven).',
		zh: 'Maven 中央仓库从 2020 年起拒绝 http（501）。确认 /etc/maven/settings.xml 的镜像源是 https 地址（mirrors.maven）。',
	},
	stepThirdPartyKeyHint: {
		en: 'The third-party package failed its signature check: the key may have expired or been replaced. Get the current key from the vendor, update mesos.thirdPartyGpgKey and retry; do not turn gpgcheck off.',
		zh: '第三方包的签名校验没有通过：公钥可能已过期或已更换。向厂商要当前的公钥，更新 mesos.thirdPartyGpgKey 后重试；不要关闭 gpgcheck。',
	},
	stepMesosInstallTitle: {en: 'Install Mesos {version} from a third-party repo (third party: {repo})', zh: '从第三方软件源安装 Mesos {version}（第三方：{repo}）'},
	stepMesosInstallWhy: {
		en: 'The Mesosphere and Bintray repos are closed; this repo is run by a third party, not by Apache, so decide whether you trust it. The repo is reached over https only, yum checks every package\'\'s signature against the vendor\'\'s key ({value}), and the version is pinned to {version}. What is known: AVENTER\'\'s apt key was reported to expire on 2026-09-28; whether the RPM key is the same one or was renewed is not known, nor whether CentOS 7\'\'s rpm refuses an expired key. If the signature check fails, ask the vendor for a current key rather than turning gpgcheck off.',
		zh: 'Mesosphere 和 Bintray 的官方软件源都已关闭；这是第三方维护的软件源，不是 Apache 发布的，请自行判断是否信任。这个软件源只用 https，yum 用厂商的公钥（{value}）校验每个包的签名，版本固定为 {version}。已知情况：有报告说 AVENTER 的 apt 公钥在 2026-09-28 过期；RPM 公钥是否同一把、是否已续期无法确认，CentOS 7 的 rpm 是否拒绝过期公钥也无法确认。签名校验失败时请向厂商要新公钥，不要关掉 gpgcheck。',
	},
	stepMesosInstallDo: {en: 'Write the third-party repo (https, signatures checked)', zh: '写入第三方软件源（https，校验签名）'},
	stepFetchDo: {en: 'Download and verify', zh: '下载并校验'},
	stepMesosInstallTitle2: {en: 'Install a prebuilt Mesos RPM', zh: '安装预编译的 Mesos RPM'},
	stepMesosInstallWhy2: {en: 'Building takes 1-2 hours; a trusted RPM with a checksum installs in minutes.', zh: '编译要 1-2 小时；若你有可信的 RPM（带校验值），可以直接安装。'},
	stepMesosInstallTitle3: {en: 'Unpack a prebuilt Mesos tarball', zh: '解压预编译的 Mesos 包'},
	stepMesosInstallWhy3: {
		en: 'Building takes 1-2 hours; a prebuilt tarball with a checksum unpacks into /usr/local.',
		zh: '编译要 1-2 小时；预编译包（带校验值）解压到 /usr/local 即可。',
	},
	stepMesosBuildDepsTitle: {en: 'Install build dependencies and an https Maven mirror', zh: '安装编译依赖并配置 Maven 的 https 镜像源'},
	stepMesosBuildDepsWhy: {
		en: 'Stock subversion and maven are enough; the WANdisco and fedorapeople repos from the tutorial are not needed. marathon.source is tarball: that Marathon talks to Mesos through the JNI in this host\'s libmesos, so the Java bindings are built, which needs Java, Maven and an https Maven mirror.',
		zh: '依赖用 CentOS 自带的 subversion 和 maven 就够了，不再需要教程里已失效的 WANdisco 和 fedorapeople 源。marathon.source 是 tarball，这个 Marathon 要通过本机 libmesos 里的 JNI 与 Mesos 通信，所以编译 Java 绑定，需要 Java、Maven 和一个 https 的 Maven 镜像源。',
	},
	stepMesosBuildDepsWhyNoJava: {
		en: 'Stock subversion is enough; the tutorial\'s WANdisco repo is not needed. The Marathon image carries its own libmesos and never uses Java bindings built here, so --disable-java skips them: no Java, no Maven, no downloads from a Maven repository, one less thing to fail.',
		zh: '依赖用 CentOS 自带的 subversion 就够了，不再需要教程里已失效的 WANdisco 源。Marathon 镜像自带 libmesos，用不到本机编译的 Java 绑定，所以用 --disable-java 跳过它们：不装 Java 和 Maven，也不从 Maven 仓库下载任何东西，少一个会失败的环节。',
	},
	stepMesosSourceTitle: {en: 'Download and check the Mesos {version} sources', zh: '下载并校验 Mesos {version} 源码'},
	stepMesosSourceWhy: {en: 'The source archive is about 72 MB; it is checked against .sha512 before unpacking.', zh: '源码包约 72 MB；核对 .sha512 后再解压。'},
	stepMesosBuildTitle: {en: 'Build and install Mesos {version} (about 1-2 hours)', zh: '编译并安装 Mesos {version}（约 1-2 小时）'},
	stepMesosBuildDo: {en: 'configure, make, make install', zh: '依次执行 configure、make、make install'},
	stepCc1plusKilledHint: {
		en: 'The compiler was killed for lack of memory. Add {setting} to the lab file (or give the VM more memory) and run again: the build is incremental and continues where it stopped.',
		zh: '编译器因内存不足被杀。在 lab 文件里加上 {setting}（或给虚拟机加内存）后重跑：编译是增量的，会从中断处继续。',
	},
	stepMesosBuildWhy: {
		en: 'The build runs as a detached job that survives a dropped link; a rerun of make compiles only what is missing. Jobs are chosen from memory (about 2 GiB each) so cc1plus is not killed. --disable-python skips bindings that need Python 2 and PyPI{java, select, skipped {; --disable-java skips the Java bindings the Marathon image never uses} other {}}. Once installed, mesos-master and mesos-agent are linked under {root}/bin, the absolute path the units and checks use.',
		zh: '编译在后台作业里运行，断线也不会中断；重跑时 make 只编译没完成的部分。并行数按内存算（每个编译进程约 2 GiB），避免 cc1plus 被杀。--disable-python 省掉需要 Python 2 和 PyPI 的绑定{java, select, skipped {；--disable-java 省掉 Marathon 镜像用不到的 Java 绑定} other {}}。装好后把 mesos-master 和 mesos-agent 链接到 {root}/bin，unit 和检查都用这个绝对路径。',
	},
	// steps/mesos-masters.ts
	stepMesosMasterTitle: {en: 'Start Mesos master {index} (port {port})', zh: '启动 Mesos master {index}（端口 {port}）'},
	stepMesosMasterWhy: {
		en: 'Three masters take part in two different elections: ZooKeeper picks the leader that schedules, while the cluster state lives in a replicated log that the masters keep in step with Paxos, where a write needs a majority. Hence quorum=2 and three masters, not two. advertise_ip and hostname decide the address published in ZooKeeper; a wrong one hides the master from everyone, including the web UI.',
		zh: '三个 master 有两次不同的选举：通过 ZooKeeper 选出负责调度的主节点（leader）；集群状态写在“复制日志”里，由 master 之间用 Paxos 同步，写入需要法定人数（过半）的 master 同意，所以 quorum=2，master 必须是 3 个而不是 2 个。advertise_ip 和 hostname 决定 master 在 ZooKeeper 里登记的地址，写错了别人就找不到它，网页控制台也会失灵。',
	},
	stepMesosMasterLeaderTitle: {en: 'Confirm the three masters agree on one leader', zh: '确认三个 master 选出同一个主节点'},
	stepMesosMasterLeaderWhy: {
		en: 'Only the leader schedules; the others send callers to it. All three naming the same leader shows both the ZooKeeper election and the replicated log work.',
		zh: '只有主节点调度；其他 master 收到请求会把人指向主节点。三个都指向同一个主节点，说明 ZooKeeper 选举和复制日志都在工作。',
	},
	// steps/mesos-paths.ts
	stepLinkMesosCommandDo: {
		en: 'Find the installed mesos-master, mesos-agent and libmesos, and link them under the lab root for the units',
		zh: '找到安装好的 mesos-master、mesos-agent 和 libmesos，链接到实验环境目录下供 unit 使用',
	},
	// steps/plan-script.ts
	stepScriptHeader: {
		en: 'Install script written by mesos-lab: one section per host, meant to be read first and run by hand.\nRun each host\'s section on that host as root: sudo bash install.sh (or bash install.sh when logged in as root).\nEvery command needs root, which is checked first.',
		zh: 'mesos-lab 生成的安装脚本：按主机分段，可以通读后手动执行。\n在每台主机上以 root 运行它那一段：sudo bash install.sh（或以 root 登录后 bash install.sh）。\n所有命令都需要 root，下面先检查这一点。',
	},
	stepScriptNeedsRoot: {en: 'Run this as root: sudo bash install.sh', zh: '请以 root 运行：sudo bash install.sh'},
	stepScriptCheckOnly: {en: '(a check only; nothing to run)', zh: '（只做检查，无需执行命令）'},
	// steps/preflight-findings.ts
	stepPreflightUnreachableFix: {en: 'Make sure this host can be reached (address, port, user, key), then check again.', zh: '确认能连上这台机器（地址、端口、用户、密钥），然后重新检查。'},
	// lab/host-destination.ts
	stepHostLocal: {en: '{address}, this machine, no SSH', zh: '{address}, 本机，不经 SSH'},
	// steps/preflight.ts
	stepPreflightNothingToDo: {en: 'Nothing to do', zh: '无需处理'},
	stepOsTitle: {en: 'Confirm the system is CentOS 7', zh: '确认系统是 CentOS 7'},
	stepOsWhy: {
		en: 'Every command here (yum repos, the el7 docker-ce packages, the Mesos 1.11 build dependencies) is written for CentOS 7; on another system it would fail half-way.',
		zh: '所有命令（yum 源、docker-ce el7 包、Mesos 1.11 的编译依赖）都是为 CentOS 7 写的；在其他系统上执行会半途失败。',
	},
	stepOsFix: {en: 'Only CentOS 7 (7.x, ideally 7.9.2009) is supported. Use a CentOS 7 machine.', zh: '仅支持 CentOS 7（7.x，建议 7.9.2009）。请换一台 CentOS 7 虚拟机。'},
	stepCpusTitle: {en: 'Count CPUs', zh: '检查 CPU 数'},
	stepCpusWhy: {en: 'Building Mesos and running a dozen processes need CPUs; 2 work, slowly.', zh: '编译 Mesos 和运行十几个进程都需要 CPU；2 核可以，但很慢。'},
	stepCpusFix: {en: 'Give the VM at least 2 CPUs.', zh: '给虚拟机分配至少 2 个 CPU。'},
	stepMemoryTitle: {en: 'Check memory plus swap is at least 4 GiB', zh: '检查内存+交换空间 ≥ 4 GiB'},
	stepMemoryWhy: {
		en: 'Linking libmesos needs about 4 GiB; with less the kernel kills the compiler (cc1plus killed). A swap file makes up the difference: with swapFile in the lab file one is made just before this check.',
		zh: '链接 libmesos 需要约 4 GiB 内存；不够时编译器会被系统杀掉（cc1plus killed）。交换文件可以补足：lab 文件里写了 swapFile 时，本步骤之前就会创建它。',
	},
	stepMemoryFix: {
		en: 'This host does not build Mesos, but running several Java processes still wants 4 GiB or more.',
		zh: '这台机器不编译 Mesos，但运行多个 Java 进程仍建议 4 GiB 以上。',
	},
	stepDiskTitle: {en: 'Check at least 20 GB of free disk', zh: '检查可用磁盘 ≥ 20 GB'},
	stepDiskWhy: {
		en: 'Mesos sources, the build tree, Maven dependencies and Docker images take well over 10 GB; the tutorial asks for a 20 GB disk.',
		zh: 'Mesos 源码、编译产物、Maven 依赖和 Docker 镜像加起来要十几 GB；教程建议磁盘 20G。',
	},
	stepDiskFix: {en: 'Grow the VM disk or free space to at least 20 GB.', zh: '扩大虚拟机磁盘，或清理空间到至少 20 GB。'},
	stepClockTitle: {en: 'Check the clock', zh: '检查时钟'},
	stepClockWhy: {
		en: 'A clock that is far off makes https certificate checks fail ("expired" or "not yet valid").',
		zh: '时钟偏差大时 https 证书校验会失败（证书“已过期”或“尚未生效”）。',
	},
	stepClockFix: {en: 'The VM preparation phase turns on chronyd time sync.', zh: '系统准备阶段会启用 chronyd 同步时间。'},
	stepHostnameTitle: {en: 'Check the host name resolves to the host\'s network address', zh: '检查主机名解析到本机网卡地址'},
	stepHostnameWhy: {
		en: 'Without LIBPROCESS_IP, libmesos (Marathon carries a copy) tells others the first IPv4 address its host name resolves to. A minimal install is named localhost.localdomain, which /etc/hosts maps to 127.0.0.1; the tutorial\'s "127.0.0.1 vm" is the same trap. This lab gives every master, agent and Marathon its address explicitly, so a single VM still works and this only warns; with several machines, anything on another machine that finds this one by name reaches itself instead, so it must be fixed first.',
		zh: 'libmesos（Marathon 里也有一份）没有指定 LIBPROCESS_IP 时，会把主机名解析出的第一个 IPv4 地址当作自己的地址告诉别人。minimal 安装的主机名是 localhost.localdomain，/etc/hosts 把它指向 127.0.0.1；教程里的“127.0.0.1 vm”也是同一个陷阱。本实验环境给每个 master、agent 和 Marathon 都显式指定了地址，所以单台虚拟机上照样能用，只提示；多台机器时，别的机器上的组件一旦按主机名找过来，就只会找到它们自己，所以必须先修好。',
	},
	stepHostnameFix: {
		en: 'Give the host a name of its own (hostnamectl set-hostname {name}), add "{address} {name}" to /etc/hosts, and make sure the 127.0.0.1 line does not carry that name.',
		zh: '把主机名改成可区分的名字（hostnamectl set-hostname {name}），在 /etc/hosts 里加一行“{address} {name}”，并确认 127.0.0.1 那一行里没有这个名字。',
	},
	stepPortsTitle: {en: 'Check the ports the lab needs are free', zh: '检查所需端口空闲'},
	stepPortsWhy: {
		en: 'Three ZooKeepers, three masters, the agent, two Marathons and marathon-lb each listen on their own port; a taken port stops a process from starting. A port held by the lab\'s own running service is no conflict, so a second install still passes.',
		zh: '三个 ZooKeeper、三个 master、agent、两个 Marathon 和 marathon-lb 都要监听各自的端口；被占用的端口会让进程启动失败。已经由本实验环境自己的服务占用的端口不算冲突，所以重跑安装时这一项照样通过。',
	},
	stepPortsFix: {en: 'Stop the process holding each port (see ss -ltnp) or change ports in the lab file.', zh: '停止占用端口的进程（ss -ltnp 查看），或修改 lab 文件的 ports。'},
	stepSelinuxTitle: {en: 'Check SELinux', zh: '检查 SELinux'},
	stepSelinuxWhy: {
		en: 'SELinux in enforcing mode blocks Mesos containers from mounting their sandboxes; permissive is simplest for a lab.',
		zh: 'SELinux enforcing 会阻止 Mesos 容器挂载目录；实验环境里设为 permissive 最省事。',
	},
	stepSelinuxFix: {
		en: 'Run setenforce 0 and set SELINUX=permissive in /etc/selinux/config (this step does).',
		zh: '执行 setenforce 0，并在 /etc/selinux/config 中设 SELINUX=permissive（本步骤会做）。',
	},
	stepSelinuxDo: {en: 'Set SELinux to permissive', zh: 'SELinux 设为 permissive'},
	stepImagesTitle: {en: 'Check the Docker images can be pulled', zh: '确认能拉到所需的 Docker 镜像'},
	stepImagesWhy: {
		en: 'Marathon and marathon-lb run from images. A registry mirror that answers /v2/ may still not serve them (DaoCloud serves only its allow-list and answers 403 for the rest), Docker Hub is often unreachable from mainland China, and it allows 10 pulls an hour per address without a login. So before any step runs, each mirror, and Docker Hub last, is asked for the manifests of these images; where none serves them, you hear now that the offline archives are the way.',
		zh: 'Marathon 和 marathon-lb 以镜像运行。镜像加速器能应答 /v2/ 不代表给得出这两个镜像（DaoCloud 只服务白名单里的镜像，其余返回 403），Docker Hub 在国内也常常连不上，而且未登录时每个 IP 每小时只能拉 10 次。所以在任何步骤开始之前，先向每个镜像加速器、最后向 Docker Hub 请求这两个镜像的 manifest；都拿不到时，提前告诉你改用离线镜像包。',
	},
	stepLeftoversTitle: {en: 'Look for leftovers of an earlier install', zh: '查找以前安装的残留'},
	stepLeftoversWhy: {
		en: 'A mesos process or a work_dir under /root/mesos from a by-hand install of the tutorial holds ports, and can make a new master read a stale replicated log and elect strangely.',
		zh: '按教程手工装过的 mesos 进程或 /root/mesos 下的 work_dir 会占用端口，还可能让新 master 读到旧的复制日志，出现奇怪的选举。',
	},
	stepLeftoversFix: {en: 'If unneeded, run mesos-lab reset or stop and delete them by hand.', zh: '确认不再需要后运行 mesos-lab reset，或手动停止并删除它们。'},
	stepSwapFileTitle: {en: 'Make a {sizeGiB} GiB swap file at {path}', zh: '创建 {sizeGiB} GiB 交换文件 {path}'},
	stepSwapFileWhy: {
		en: 'With less than 4 GiB of memory the kernel kills the C++ compiler building Mesos. Swap is slower than memory but lets the build finish; it goes into /etc/fstab so it survives a reboot.',
		zh: '内存不足 4 GiB 时，编译 Mesos 的 C++ 编译器会被系统杀掉。交换文件比内存慢，但能让编译走完；它写进 /etc/fstab，重启后仍然生效。',
	},
	stepSwapFileDo: {en: 'Write the file out with dd, then make and enable the swap', zh: '用 dd 写满文件再创建并启用交换文件'},
	stepSwapFileRefusedHint: {
		en: 'This filesystem cannot hold a swap file (btrfs, or inside a container): choose another swapFile.path or give the VM more memory.',
		zh: '这个文件系统不支持交换文件（例如 btrfs 或容器里）：换一个 swapFile.path，或给虚拟机加内存。',
	},
	stepMemoryBuildFix: {en: 'Add {setting} to the lab file and run again, or give the VM more memory.', zh: '在 lab 文件中加入 {setting}，然后重跑；也可以给虚拟机加内存。'},
	stepImagesFix: {
		en: 'On a machine with access, docker pull and docker save -o {images}, copy the archives to this host and list them under docker.offlineImages in the lab file; or name a registry mirror in mirrors.registryMirrors that serves them.',
		zh: '在能上网的机器上 docker pull 并 docker save -o 导出 {images}，拷到这台主机，把路径写进 lab 文件的 docker.offlineImages；或在 mirrors.registryMirrors 里换一个给得出这些镜像的镜像加速器。',
	},
	// steps/reset.ts
	stepResetKeptAfterReset: {
		en: 'Kept: installed packages (docker-ce and chrony with their services, the build dependencies, maven with its /etc/maven/settings.xml pointing at an https mirror, the EPEL packages), the yum vault rewrite (CentOS-Base.repo and the mesos-lab-disabled folder: without it yum breaks again), the yum versionlock on docker-ce (yum versionlock delete lifts it), firewalld left off, the network cards\' ONBOOT and any swap file. yum history undo removes the packages.',
		zh: '保留：已安装的软件包（docker-ce 和 chrony 及其服务、编译依赖、maven 及指向 https 镜像的 /etc/maven/settings.xml、EPEL 的包），yum 源的 vault 改写（CentOS-Base.repo 和 mesos-lab-disabled 目录：去掉它 yum 就又不能用了），docker-ce 的 yum versionlock（yum versionlock delete 可以解除），已关闭的 firewalld、网卡的 ONBOOT 设置和交换文件。软件包可以用 yum history undo 删除。',
	},
	stepUninstallMesosDo: {en: 'make uninstall', zh: '用 make uninstall 卸载'},
	stepUninstallMesosDo2: {en: 'Remove the files the tarball put under /usr/local', zh: '删除压缩包解到 /usr/local 的文件'},
	stepResetServicesTitle: {en: 'Stop and remove the lab\'s services', zh: '停止并删除实验环境的服务'},
	stepResetServicesWhy: {
		en: 'Services stop in reverse order (marathon-lb, Marathon, agent, masters, ZooKeeper), then their unit files go, so a reboot does not bring them back.',
		zh: '先按相反顺序停止服务（marathon-lb、Marathon、agent、master、ZooKeeper），再删除单元文件，机器重启后也不会再拉起它们。',
	},
	stepResetContainersTitle: {en: 'Remove the lab\'s containers and images', zh: '删除实验环境的容器和镜像'},
	stepResetContainersWhy: {
		en: 'The Marathon and marathon-lb containers and those Mesos started for tasks (named mesos-…) go, then the Marathon and marathon-lb images.',
		zh: 'Marathon、marathon-lb 的容器和 Mesos 为任务启动的容器（名字以 mesos- 开头）都删除，再删除 Marathon 和 marathon-lb 的镜像。',
	},
	stepResetMesosTitle: {en: 'Uninstall Mesos {mesos}', zh: '卸载 Mesos {mesos}'},
	stepResetMesosWhy: {
		en: 'Uninstalled the way it was installed: make uninstall for a build, yum remove for an RPM, the archive\'s own file list for a tarball.',
		zh: '按安装的方式卸载：编译安装的用 make uninstall，RPM 用 yum remove，压缩包按其中的文件列表删除。',
	},
	stepResetFilesTitle: {en: 'Remove the repo files, yum plugin and settings the lab wrote', zh: '删除实验环境写入的 yum 源、yum 插件和配置文件'},
	stepResetFilesDo: {en: 'Remove daemon.json only when the lab wrote it', zh: '只删除实验环境写的 daemon.json'},
	stepResetDataTitle: {en: 'Delete the lab folders {root} and {jobsDir}', zh: '删除实验环境目录 {root} 和 {jobsDir}'},
	stepResetDataWhy: {
		en: 'Deletes the ZooKeeper data, the masters\' replicated log, the agent\'s work folder, every service\'s logs, the downloads and sources, and the background jobs\' records, so the next install starts clean.',
		zh: '删除 ZooKeeper 数据、master 的复制日志、agent 的工作目录、各服务的日志、下载和源码，以及后台作业的记录，下次安装从干净的状态开始。',
	},
	stepResetFilesWhy: {
		en: 'Removes {files} (daemon.json only when the lab wrote it), and removes yum-plugin-post-transaction-actions.',
		zh: '删除 {files}（daemon.json 只在是实验环境写的时候删除），并卸载 yum-plugin-post-transaction-actions。',
	},
	// steps/secrets.ts
	stepDockerPasswordPrompt: {en: 'Password or access token of {user} on {registry} (not saved)', zh: '{registry} 上用户 {user} 的密码或访问令牌（不会保存）'},
	// steps/step-kit.ts
	stepDeadMirrorHint: {
		en: 'The mirror is gone or its name does not resolve. CentOS 7 content now lives only in the vault: pick another mirror in mirrors (or preset china/global) and retry.',
		zh: '镜像源已失效或域名无法解析。CentOS 7 已停止维护，内容只在 vault 里：换一个 mirrors 里的地址（或 preset: china/global）后重试。',
	},
	stepRegistryUnreachableHint: {
		en: 'The Docker daemon cannot reach the registry (its name does not resolve, or the network blocks it). On the target check /etc/resolv.conf and that registry-1.docker.io resolves; in China name a working accelerator under mirrors.registryMirrors, or load the images offline with docker.offlineImages.',
		zh: 'Docker 守护进程连不上镜像仓库（域名解析失败或网络不通）。在目标主机上检查 /etc/resolv.conf 和 ping registry-1.docker.io；国内请在 mirrors.registryMirrors 里写一个能用的镜像加速器，或用 docker.offlineImages 导入离线镜像包。',
	},
	stepRegistryRateLimitHint: {
		en: 'Docker Hub\'s anonymous pull limit is used up (10 pulls an hour without a login). Add docker.login to the lab file and retry, wait a few hours, or use a registry mirror.',
		zh: 'Docker Hub 的匿名拉取次数用完了（未登录时每小时 10 次）。在 lab 文件里配置 docker.login 登录后重试，或等几个小时，或使用镜像加速器。',
	},
	stepDownloadFailedHint: {
		en: 'The download address does not work: its name does not resolve, it cannot be reached, or the file is not there (404). Try the address with curl -I; point the lab file at another mirror (mirrors.apache or download.url), or at a file already on the host with localFile.',
		zh: '下载地址不可用：域名解析失败、连不上或文件不存在（404）。在浏览器或 curl -I 里试一下这个地址；换成 lab 文件里的其他镜像源（mirrors.apache 或 download.url），或用 localFile 指向已下载的文件。',
	},
	stepChecksumMismatchHint: {
		en: 'The download does not match its checksum: it was cut short or the mirror serves something else. The file was deleted; retry, and if it persists compare the checksum in the lab file.',
		zh: '下载的文件和校验值不一致：可能下载被截断或镜像源上的文件被篡改。文件已删除，重试；若仍不一致，请核对 lab 文件中的 checksum。',
	},
	stepNoDigestPublishedHint: {
		en: 'No checksum file (.sha512, .sha256 or .sha1) sits next to the download, so it cannot be checked; the mirror does not publish one. Pin the digest under checksum.value in the lab file (copy it from the project\'s download page), or point download.url at a mirror that publishes it, and retry.',
		zh: '下载地址旁边没有校验文件（.sha512、.sha256 或 .sha1），无法校验下载的文件：这个镜像源不提供。请在 lab 文件的 checksum.value 里写上校验值（从项目的下载页面复制），或把 download.url 换成提供校验文件的镜像源，然后重试。',
	},
	stepNoVaultMirrorHint: {
		en: 'None of the CentOS vault mirrors answered, so yum has nowhere to install from. Check that the host reaches the internet (DNS in /etc/resolv.conf, a proxy if one is needed; try curl -I on one of the addresses), or list a mirror it can reach under mirrors.centosVault (or pick preset china/global) and retry.',
		zh: '所有 CentOS vault 归档镜像源都没有应答，yum 无处安装软件包。检查主机能否上网（/etc/resolv.conf 里的 DNS，需要时配置代理；用 curl -I 试一下其中一个地址），或在 mirrors.centosVault 里写一个能访问的镜像源（或选 preset: china/global），然后重试。',
	},
	stepMesosNotFoundHint: {
		en: 'The install finished but mesos-master or mesos-agent is not in any of the folders listed: the package or archive put it somewhere else, or did not install it. Find it with rpm -ql mesos or find / -name mesos-master, and check that mesos.source matches how Mesos was installed.',
		zh: '安装已结束，但列出的目录里都没有 mesos-master 或 mesos-agent：软件包或压缩包把它装到了别处，或者根本没装上。用 rpm -ql mesos 或 find / -name mesos-master 找一下，并确认 mesos.source 与 Mesos 的实际安装方式一致。',
	},
	stepMesosArchiveGoneHint: {
		en: 'The Mesos archive that was unpacked into /usr/local is no longer in the downloads folder, so the list of its files is lost. Put the same archive back there and retry, or remove the Mesos files from /usr/local (bin, sbin, lib, libexec, include, share) by hand.',
		zh: '当初解压到 /usr/local 的 Mesos 压缩包已不在下载目录里，它包含哪些文件也就无从得知。把同一个压缩包放回原处后重试，或手动删除 /usr/local 下的 Mesos 文件（bin、sbin、lib、libexec、include、share）。',
	},
	stepPortInUseHint: {
		en: 'A port is already taken: find the owner with ss -ltnp and stop it, or choose another port under ports in the lab file.',
		zh: '端口已被占用：用 ss -ltnp 找出占用者并停止它，或在 lab 文件的 ports 里换一个端口。',
	},
	stepZookeeperNoQuorumHint: {
		en: 'ZooKeeper has no quorum (at least 2 of 3 members must be up): check that each member runs and the server.N addresses and ports reach each other.',
		zh: 'ZooKeeper 凑不够法定人数（3 个里至少要 2 个在线）：检查每个成员是否运行、server.N 的地址端口是否互通。',
	},
	stepMasterCannotReachZookeeperHint: {
		en: 'Mesos cannot reach ZooKeeper: make sure the ZooKeeper step verifies, then check that the --zk addresses are the host\'s network address, not 127.0.0.1.',
		zh: 'Mesos 连不上 ZooKeeper：先确认 ZooKeeper 步骤验证通过，再检查 --zk 里的地址是否写的是本机网卡 IP 而不是 127.0.0.1。',
	},
	// steps/templates: comments inside the files written on hosts. Both languages go into the file,
	// English first, so a file reads the same whatever language the install ran in.
	stepFileWrittenBy: {en: 'Written by mesos-lab.', zh: '由 mesos-lab 生成。'},
	stepFileZooCfg: {
		en: 'Written by mesos-lab. One of three members: a majority (2) keeps the ensemble serving.',
		zh: '由 mesos-lab 生成。这是三个成员之一：过半数（2 个）在线，ZooKeeper 集群就能继续提供服务。',
	},
	stepFileMavenSettings: {
		en: 'Written by mesos-lab: the Mesos build fetches its Java dependencies through this mirror.',
		zh: '由 mesos-lab 生成：编译 Mesos 时通过这个镜像源下载 Java 依赖。',
	},
	stepFileReleaseAction: {
		en: 'Written by mesos-lab: release packages bring back repo files that name dead hosts.',
		zh: '由 mesos-lab 生成：*-release 软件包会带回指向已失效主机的 repo 文件。',
	},
	stepFileRepoScript: {
		en: 'Written by mesos-lab. Points yum at the first CentOS 7.9.2009 vault mirror that answers, moves\naside repo files that name dead hosts, and keeps an existing EPEL on its archive. Usage: $0 [repo folder]',
		zh: '由 mesos-lab 生成。让 yum 使用第一个有应答的 CentOS 7.9.2009 vault 归档镜像源，把指向已失效主机的\nrepo 文件移到一旁，已有的 EPEL 保持指向它的归档地址。用法：$0 [repo 目录]',
	},
	stepFileRepoScriptHttp: {
		en: 'An old image\'s CA bundle fails https until ca-certificates is refreshed; packages stay\nGPG-checked, so plain http is a safe bridge until then.',
		zh: '旧版系统自带的 CA 证书在 ca-certificates 更新之前无法通过 https 校验；软件包仍有\nGPG 签名校验，所以在此之前先用 http 过渡是安全的。',
	},
	stepFileRepoScriptNoYum: {
		en: 'Never yum itself: this script also runs as a post-transaction action, inside a yum that still\nholds /var/run/yum.pid, and a second yum would wait for that one for ever while it waits for us.',
		zh: '这里绝不调用 yum：本脚本也作为事务后动作在 yum 内部运行，那个 yum 仍持有 /var/run/yum.pid，\n再启动一个 yum 会永远等它，而它又在等本脚本结束。',
	},
	// steps/vm-prep.ts
	stepFirewalldOffTitle: {en: 'Turn firewalld off', zh: '关闭 firewalld'},
	stepFirewalldOffWhy: {
		en: 'firewalld reloads its rules over the ones Docker writes for port mappings, so mapped container ports stop working; in a lab it is turned off and the network edge does the filtering.',
		zh: 'firewalld 会在 Docker 写入端口映射规则后重载并清掉它们，容器的端口映射就失效了；实验环境里直接关掉，由网络边界负责防护。',
	},
	stepFirewalldOffDo: {en: 'Stop and disable firewalld (skipped where it is absent)', zh: '停止并禁用 firewalld（没有则跳过）'},
	stepNicOnbootTitle: {en: 'Bring the network card up at boot', zh: '网卡开机自动启用'},
	stepNicOnbootWhy: {en: 'A minimal install leaves ONBOOT=no, so the machine is offline after every reboot.', zh: 'minimal 安装默认网卡 ONBOOT=no，重启后机器就断网了。'},
	stepYumVaultTitle: {en: 'Point yum at a CentOS 7.9.2009 vault mirror', zh: '把 yum 源换成 CentOS 7.9.2009 的 vault 归档镜像源'},
	stepYumVaultWhy: {
		en: 'CentOS 7 reached end of life on 2024-06-30: mirrorlist.centos.org no longer resolves and ordinary mirrors emptied centos/7; only the vault keeps it. The candidates are probed in order and the first that answers is used and shown. The tutorial\'s "switch to the 163 mirror" step no longer works. Installing any *-release package (epel-release, centos-release-scl) brings back repo files naming dead hosts, so the rewrite stays on the machine as a script that yum\'s post-transaction-actions plugin runs again after such a package is installed or updated. The script never calls yum itself: while it runs, the yum around it still holds /var/run/yum.pid, and a second yum would wait for it for ever. No package this lab installs comes from EPEL, so EPEL is not enabled; an epel.repo already on the machine is only pointed back at the archive.',
		zh: 'CentOS 7 已于 2024-06-30 停止维护，mirrorlist.centos.org 不再解析，普通镜像源里的 centos/7 目录也被清空，只剩 vault 归档。这里逐个探测候选镜像源，选第一个能用的并显示出来。教程里“换成 163 源”的那一步今天已经不管用了。安装任何 *-release 包（例如 epel-release、centos-release-scl）都会带回指向失效地址的 repo 文件，所以改写脚本留在机器上，并由 yum 的 post-transaction-actions 插件在这类包安装或更新后自动重跑。这个脚本自己从不调用 yum：它运行时外层的 yum 还持有 /var/run/yum.pid 锁，再启动一个 yum 只会互相等待、永远卡住。本实验环境用到的软件包都不来自 EPEL，所以不再启用 EPEL；机器上已有的 epel.repo 只会被指回归档地址。',
	},
	stepYumVaultDo: {en: 'Probe and choose a mirror', zh: '探测并选择镜像源'},
	stepYumVaultDo2: {en: 'Rerun the rewrite after release packages', zh: '安装后自动重跑改写'},
	stepTimeAndCertificatesTitle: {en: 'Sync the clock and refresh CA certificates', zh: '同步时间并更新 CA 证书'},
	stepTimeAndCertificatesWhy: {
		en: 'A 2017 install image carries root certificates that have since expired (the old Let\'s Encrypt root in 2021), and a wrong clock fails certificate checks too, so this comes before any https download.',
		zh: '2017 年的安装 ISO 带的根证书早已过期（Let\'s Encrypt 旧根 2021 年失效），时钟不准也会让证书校验失败。所以在任何 https 下载之前先做这一步。',
	},
	stepYumUpdateTitle: {en: 'Update the system and install basic tools', zh: '更新系统并安装常用工具'},
	stepYumUpdateWhy: {
		en: 'A minimal install lacks ifconfig (net-tools), killall (psmisc) and vim; yum update first so the build gets the fixed nss and friends.',
		zh: 'minimal 版缺少 ifconfig（net-tools）、killall（psmisc）和 vim；先 yum update，让后续编译用上修过的 nss 等库。',
	},
	stepYumUpdateDo: {en: 'Rewrite the yum repos again', zh: '重新改写 yum 源'},
	// steps/zookeeper.ts
	stepZookeeperEnsembleWhy: {
		en: 'Mesos and Marathon both elect their leaders through ZooKeeper. ZooKeeper serves only while a majority of its members (2 of 3) are up, so three members survive the loss of any one; two members would survive none. The tutorial puts all three on one VM to show the idea, which is why their ports differ.',
		zh: 'Mesos 和 Marathon 都靠 ZooKeeper 选主。ZooKeeper 只有在在线成员达到法定人数（3 个中的 2 个）时才提供服务，所以用 3 个成员：坏掉任意 1 个集群照常工作；2 个成员反而不能容忍任何故障。教程把 3 个成员放在一台虚拟机上，只是为了体验，端口因此必须错开。',
	},
	stepZookeeperDownloadTitle: {en: 'Download and check ZooKeeper {version}', zh: '下载并校验 ZooKeeper {version}'},
	stepZookeeperDownloadWhy: {
		en: 'ZooKeeper is a Java program that runs straight from its release archive. The archive is checked against its digest before unpacking, so a truncated or swapped file is stopped here instead of failing strangely at start-up.',
		zh: 'ZooKeeper 是一个 Java 程序，发行包解压即可运行。下载后先核对校验值，再解压：被截断或被替换的压缩包会在这里被拦下，而不是在启动时才出奇怪的错。',
	},
	stepZookeeperDownloadDo: {en: 'Install Java 8', zh: '安装 Java 8'},
	stepZookeeperDownloadDo2: {en: 'Download and verify the archive', zh: '下载并校验压缩包'},
	stepZookeeperDownloadDo3: {en: 'Unpack', zh: '解压'},
	stepZookeeperStartDo: {en: 'Start the member', zh: '启动成员'},
	stepZookeeperStepsTitle: {en: 'Configure and start ZooKeeper member {id} (port {clientPort})', zh: '配置并启动 ZooKeeper 成员 {id}（端口 {clientPort}）'},
	stepZookeeperStepsWhy: {
		en: 'Each member has its own data directory, client port and myid ({id} here). The server.1-3 lines let the members find each other: the first port carries followers\'\' sync with the leader, the second the leader election.',
		zh: '每个成员有自己的数据目录、客户端端口和 myid（这里是 {id}）。server.1-3 这三行让成员彼此找到：第一个端口用于 follower 与主节点（leader）同步数据，第二个端口用于选举主节点。',
	},
	stepZookeeperEnsembleTitle: {en: 'Confirm the ZooKeeper ensemble has exactly one leader', zh: '确认 ZooKeeper 集群选出了唯一的主节点'},
});
