import {defineCatalog} from '../define-catalog.js';

/** The experiments of `mesos-lab lab`: titles, lessons and the lines each prints as it runs. */
export const labTexts = defineCatalog({
	// experiments/failover.ts
	labFailoverTitle: {en: 'Experiment 3: kill a container and watch the cluster heal', zh: '实验三：杀掉一个容器，看集群自愈'},
	labFailoverLessons: {
		en: 'We kill one nginx container on its agent, as if it crashed. Mesos reports the task\'s end to Marathon, which sees fewer instances than asked for and starts a new one; it gets a new random host port.',
		zh: '我们直接在 agent 上杀掉一个 nginx 容器，就像它崩溃了一样。Mesos 把任务状态报告给 Marathon，Marathon 发现实例数少于 instances，就在某个 agent 上再启动一个，新实例会映射到一个新的随机主机端口。',
	},
	labFailoverLessons2: {
		en: 'marathon-lb hears the events, rewrites HAProxy\'s config and reloads it: the dead instance leaves the backend, and the new one joins once healthy. Meanwhile we keep requesting its servicePort and count failed requests and how long the outage lasted.',
		zh: 'marathon-lb 收到事件后重写 HAProxy 配置并重新加载：死掉的实例先从后端消失，新实例通过健康检查后加入。整个过程中我们一直请求它的 service port，统计失败的请求数和中断时长。',
	},
	labFailoverLessons3: {
		en: 'From the container\'s death until marathon-lb drops it from the backend, HAProxy still sends it requests. marathon-lb\'s config has retries 3 and option redispatch: a request whose connection is refused is retried, the last time on another instance, so users mostly see one slower answer rather than an error. The slowest request and the failure count together tell what happened in that window.',
		zh: '从容器死掉到 marathon-lb 把它移出后端，中间有一段时间 HAProxy 仍会把请求发给它。marathon-lb 的配置里有 retries 3 和 option redispatch：连接被拒绝的请求会重试，最后一次改发给另一个实例，所以用户多半只看到一次变慢的应答，而不是错误。最慢的请求和失败数一起告诉你这段时间里发生了什么。',
	},
	// experiments/ha-probes.ts
	labWitnessDeploying: {
		en: 'deploying {id} (experiment 1\'\'s app), the tasks that must keep running through the failover; mesos-lab app delete {id} removes it afterwards',
		zh: '部署 {id}（实验一的应用），作为故障切换中必须保持运行的任务；之后可用 mesos-lab app delete {id} 删除',
	},
	// experiments/inside.ts
	labInsideLessonExecutor: {
		en: 'Each task has an executor process on its agent: a task without a container field is started by mesos-executor (the Command Executor), which puts the command into namespaces and cgroups through mesos-containerizer; a Docker task is started by mesos-docker-executor, which calls docker run and names the container mesos- plus the container id. ps and docker ps show them.',
		zh: '每个任务在 agent 上都有一个 executor 进程：没有 container 字段的任务由 mesos-executor（Command Executor）启动，它再通过 mesos-containerizer 把命令放进 namespace 和 cgroup；Docker 任务由 mesos-docker-executor 启动，它调用 docker run，容器名是 mesos- 加容器 ID。ps 和 docker ps 能看到它们。',
	},
	labInsideLessonSandbox: {
		en: 'The agent\'s --work_dir (here /var/lib/mesos) holds each task\'s sandbox, slaves/<agent>/frameworks/<framework>/executors/<executor>/runs/latest, with the task\'s stdout and stderr; --log_dir holds mesos-agent\'s own logs (mesos-slave.INFO and so on). A task in trouble: read its sandbox; the agent in trouble: read log_dir.',
		zh: 'agent 的 --work_dir（这里是 /var/lib/mesos）存放每个任务的 sandbox：slaves/<agent>/frameworks/<framework>/executors/<executor>/runs/latest，里面有任务的 stdout 和 stderr；--log_dir 存放 mesos-agent 自己的日志（mesos-slave.INFO 等）。任务出问题先看 sandbox，agent 出问题看 log_dir。',
	},
	labInsideLessonDiscovery: {
		en: 'Neither the agent nor Marathon is given a master\'s address; both get --master=zk://zk1:2181,zk2:2181,zk3:2181/mesos: they read the nodes under /mesos in ZooKeeper, and the one with the lowest sequence number names the current leader. When leadership moves the record changes and they follow the new leader. Marathon\'s own --zk zk://…/marathon elects Marathon\'s leader and keeps its app state.',
		zh: 'agent 和 Marathon 都不写死主节点地址，而是用 --master=zk://zk1:2181,zk2:2181,zk3:2181/mesos：它们读 ZooKeeper 里 /mesos 下的节点，序号最小的那个记录着当前的主节点（leader）。主节点切换后 ZooKeeper 里的记录随之改变，它们自动连到新的主节点。Marathon 自己的 --zk zk://…/marathon 用来选出 Marathon 的主节点并保存应用状态。',
	},
	labInsideLessonPorts: {
		en: 'In docker ps, 0.0.0.0:31xxx->80/tcp is the hostPort: a random port Mesos gives the task from the agent\'s ports resource (31000-32000 by default). Users connect to the servicePort instead: when an app leaves it at 0, Marathon picks one no other app holds from 10000-20000, and marathon-lb listens there and forwards to each hostPort.',
		zh: 'docker ps 里的 0.0.0.0:31xxx->80/tcp 是 hostPort：Mesos 从 agent 的 ports 资源（默认 31000-32000）里分给任务的随机端口。用户访问的是 servicePort：应用不指定（写 0）时，Marathon 从 10000-20000 里挑一个没被占用的端口，marathon-lb 在这个端口上监听并转发到各个 hostPort。',
	},
	labInsideTitle: {en: 'Experiment 5: what actually runs on the agent', zh: '实验五：看看 agent 上实际跑着什么'},
	labInsideDeployFirst: {en: 'No app runs yet, so {id} is deployed first.', zh: '还没有运行中的应用，先部署 {id}。'},
	labInsideRunOverSsh: {en: 'Run on {host} over SSH:', zh: '在 {host} 上通过 SSH 运行：'},
	labInsideSandbox: {en: '  sandbox of {id}: {directory}', zh: '  {id} 的 sandbox：{directory}'},
	labInsideFlagMissing: {en: '(not reported by the agent)', zh: '（agent 未报告）'},
	labInsideSimulated: {
		en: 'SIMULATED: there are no real processes or containers; this is what the agent\'s /state describes, as the processes a real agent would show:',
		zh: 'SIMULATED（模拟集群）：没有真实进程和容器，下面是 agent 的 /state 所描述的、真实 agent 上对应的进程：',
	},
	labInsideNoSsh: {
		en: 'No SSH to the agent (name a saved lab with --lab-id); this comes from the agent\'s /state API:',
		zh: '没有到 agent 的 SSH（用 --lab-id 指定已保存的 lab），下面来自 agent 的 /state 接口：',
	},
	// experiments/marathon-failover.ts
	labMarathonFailoverTitle: {en: 'Experiment 8: Marathon failover', zh: '实验八：Marathon 故障切换'},
	labMarathonFailoverLessons: {
		en: 'The two Marathons elect their leader through ZooKeeper (ephemeral sequential znodes under /marathon/leader-curator). Only the leader schedules; the other stands by and forwards requests to the leader. Stop the leader and its znode vanishes, the standby takes over, and /v2/leader changes.',
		zh: '两个 Marathon 通过 ZooKeeper 选主（/marathon/leader-curator 下的临时顺序节点），只有主节点（leader）调度，另一个是备用，收到请求会转给主节点。停掉主节点后，它在 ZooKeeper 里的节点消失，备用的 Marathon 接任，/v2/leader 随之改变。',
	},
	labMarathonFailoverLessons2: {
		en: 'Apps and tasks are kept in ZooKeeper and the tasks run on the agents, whichever Marathon leads, so the apps are untouched by the switch. Once the new leader is in place we scale an app to prove it schedules, then scale it back and start the stopped Marathon again; it rejoins as the standby.',
		zh: '应用和任务的状态保存在 ZooKeeper 里，任务运行在 agent 上，与哪个 Marathon 是主节点无关，所以切换时应用不受影响。新的主节点接任后我们立刻扩容一次，证明它能正常调度；之后再把实例数改回去，并重新启动停掉的 Marathon，它会作为备用加入。',
	},
	labMarathonFailoverBefore: {en: 'Marathon leader: {firstLeader}; {apps, plural, one {# app} other {# apps}}', zh: 'Marathon 主节点：{firstLeader}；{apps, plural, other {# 个应用}}'},
	labMarathonFailoverNewLeader: {en: '/v2/leader names {secondLeader} after {gapMs} ms', zh: '{gapMs} 毫秒后 /v2/leader 指向 {secondLeader}'},
	labMarathonFailoverTasksKept: {en: '{apps, plural, one {the app kept its tasks} other {all # apps kept the same tasks}}', zh: '{apps, plural, other {# 个应用的任务都没有变化}}'},
	labMarathonFailoverTasksChanged: {en: 'apps whose tasks changed: {apps}', zh: '任务有变化的应用：{apps}'},
	labMarathonFailoverScaled: {en: 'the new leader scaled {id} to {scaledTo} instances in {scaleMs} ms', zh: '新的主节点在 {scaleMs} 毫秒内把 {id} 扩容到 {scaledTo} 个实例'},
	labMarathonFailoverRejoined: {
		en: '{firstLeader} rejoined after {rejoinedMs} ms; /v2/leader names {named}',
		zh: '{firstLeader} 在 {rejoinedMs} 毫秒后重新加入，/v2/leader 指向 {named}',
	},
	labMarathonFailoverScaleBackFailed: {en: 'could not scale {id} back to {instances}: {message}', zh: '无法把 {id} 改回 {instances} 个实例：{message}'},
	// experiments/master-failover.ts
	labMasterFailoverTitle: {en: 'Experiment 7: Mesos master failover and quorum=2', zh: '实验七：Mesos master 故障切换与 --quorum=2'},
	labMasterFailoverLessons: {
		en: 'Mesos holds two different elections. The first goes through ZooKeeper: each master registers an ephemeral sequential znode json.info_* under /mesos, and the lowest sequence number leads and schedules; when the leader stops, its znode vanishes and the next master takes over.',
		zh: 'Mesos 有两次不同的选举。第一次通过 ZooKeeper：每个 master 在 /mesos 下登记一个临时顺序节点 json.info_*，序号最小的当主节点（leader），负责调度；主节点停止后它的节点消失，下一个 master 接任。',
	},
	labMasterFailoverLessons2: {
		en: 'The second is the replicated log: the cluster\'s registry (which agents belong) lives in the masters\' replicated log, kept in step with a Paxos-like protocol, and every read or write needs --quorum=2 replicas to agree. A new leader first recovers the registry from the log; then the agents re-register with it. Tasks keep running on their agents throughout and none is lost.',
		zh: '第二次是复制日志（replicated log）：集群的注册信息（有哪些 agent）保存在各 master 的复制日志里，用类似 Paxos 的协议同步，读写都需要 --quorum=2 个副本同意。新主节点必须先从日志里恢复注册信息，然后 agent 重新注册到它，任务一直在 agent 上运行，不会丢失。',
	},
	labMasterFailoverLessons3: {
		en: 'Three masters with quorum=2 survive one failure. Stop another, and the last master, even if ZooKeeper elects it, cannot gather two replicas to read the log, so no master can lead. Two masters would still need a quorum of 2 and stop at the first failure, hence three and not two.',
		zh: '3 个 master、--quorum=2 能扛住 1 个故障。再停掉一个，剩下的 master 即使在 ZooKeeper 里当选，也凑不齐 2 个副本来读取复制日志，所以没有 master 能领导集群。如果只有 2 个 master，法定人数仍是 2，坏 1 个就停摆，所以是 3 个而不是 2 个。',
	},
	labMasterFailoverBefore: {
		en: 'leading master: {firstLeader}; {agents, plural, one {# agent} other {# agents}}, {tasks, plural, one {# running task} other {# running tasks}}, {id} among them',
		zh: '主节点 master：{firstLeader}；{agents, plural, other {# 个 agent}}，{tasks, plural, other {# 个运行中的任务}}（含 {id}）',
	},
	labMasterFailoverNewLeader: {en: '{secondLeader} leads after {gapMs} ms', zh: '{secondLeader} 在 {gapMs} 毫秒后当选主节点'},
	labMasterFailoverReregistered: {en: '{agents, plural, one {# agent} other {# agents}} re-registered with the new leader within {reregisteredMs} ms', zh: '{agents, plural, other {# 个 agent}} 在 {reregisteredMs} 毫秒内重新注册到新的主节点'},
	labMasterFailoverTasksRunning: {en: '{running} of {tasks} tasks still running', zh: '{tasks} 个任务中仍有 {running} 个在运行'},
	labMasterFailoverStillLeader: {en: 'one master left, yet {someone} answered as leader', zh: '只剩一个 master，但 {someone} 仍作为主节点应答'},
	labMasterFailoverLeaderless: {
		en: 'one master of three (quorum=2): no master led for {leaderlessMs} ms',
		zh: '只剩 1 个 master（--quorum=2）：{leaderlessMs} 毫秒内没有任何 master 领导集群',
	},
	labMasterFailoverQuorumBack: {en: 'quorum back: {thirdLeader} leads after {recoveredMs} ms', zh: '法定人数恢复，{thirdLeader} 在 {recoveredMs} 毫秒后成为主节点'},
	// experiments/nginx-docker.ts
	labNginxDockerTitle: {en: 'Experiment 2: nginx in Docker, reached through marathon-lb', zh: '实验二：Docker 里的 nginx，经 marathon-lb 访问'},
	labNginxDockerLessons: {
		en: 'An app with container.docker is handed by the mesos-docker-executor to the Docker daemon. In bridge networking the container\'s port is hidden from the host, so port 80 is mapped to a random host port (hostPort 0) and instances never fight over a port.',
		zh: '带 container.docker 的应用由 mesos-docker-executor 交给 Docker 守护进程启动。bridge 网络下容器端口对主机不可见，所以把容器的 80 端口映射到主机的随机端口（hostPort 0），多个实例不会抢同一个端口。',
	},
	labNginxDockerLessons2: {
		en: 'Random ports on random hosts leave users nowhere to connect. marathon-lb follows Marathon\'s events and writes an HAProxy config for apps labelled HAPROXY_GROUP=docker-haproxy: it listens on the app\'s servicePort and forwards to host:port of every healthy instance.',
		zh: '随机端口和随机主机让用户找不到服务。marathon-lb 订阅 Marathon 的事件，为带 HAPROXY_GROUP=docker-haproxy 标签的应用生成 HAProxy 配置：在应用的 service port 上监听，把请求转发给每个健康实例的 主机:端口。',
	},
	labNginxDockerLessons3: {
		en: 'The HTTP health check requests port 80 regularly; only instances that pass show as healthy and appear among HAProxy\'s backends. /_haproxy_getconfig shows the config in force.',
		zh: 'HTTP 健康检查定期请求 80 端口；只有通过检查的实例才显示为 healthy，也才会出现在 HAProxy 的后端列表里。/_haproxy_getconfig 可以看到当前生效的配置。',
	},
	// experiments/service-port.ts
	labServicePortLesson: {
		en: 'We left servicePort at 0, so Marathon picked one no other app holds from its range (--local_port_min to --local_port_max, 10000-20000 by default): {appId} has servicePort {given}. marathon-lb listens on that port.',
		zh: '我们没有指定 servicePort（写成 0），Marathon 就从它的端口范围（--local_port_min 到 --local_port_max，默认 10000–20000）里挑了一个还没被其他应用占用的端口：{appId} 的 servicePort 是 {given}。marathon-lb 在这个端口上监听。',
	},
	labServicePortLesson2: {
		en: '{appId} already runs and has servicePort {given}; the redeploy keeps it, so whoever uses it is not disturbed. A new app with servicePort 0 gets another free port that Marathon picks from --local_port_min to --local_port_max (10000-20000 by default).',
		zh: '{appId} 已经在运行，它的 servicePort 是 {given}；重新部署时沿用这个端口，已经在用它的人不受影响。新的应用如果写 servicePort 0，Marathon 会从 --local_port_min 到 --local_port_max（默认 10000–20000）里另挑一个空闲端口。',
	},
	labServicePortLesson3: {
		en: '{appId} uses the servicePort you named, {given}. A named port must not be held by another app or Marathon refuses the deployment; leave it out (0) and Marathon picks a free one.',
		zh: '{appId} 使用你指定的 servicePort {given}。指定的端口必须没有被其他应用占用，否则 Marathon 会拒绝部署；不指定（0）时 Marathon 会自动挑一个空闲端口。',
	},
	// experiments/shell-app.ts
	labShellAppTitle: {en: 'Experiment 1: a shell loop in a Mesos container', zh: '实验一：用 Mesos 容器化器运行一个 shell 死循环'},
	labShellAppLessons: {
		en: 'An app without a container field is started by the mesos-executor on the agent and isolated with Linux namespaces and cgroups. Each instance gets 0.1 CPU, 32 MB of memory and 100 MB of disk.',
		zh: '没有 container 字段的应用由 agent 上的 mesos-executor 启动，用 Linux namespace 和 cgroup 隔离。每个实例分到 0.1 个 CPU、32 MB 内存和 100 MB 磁盘。',
	},
	labShellAppLessons2: {
		en: 'Marathon\'s job is to keep the number of running instances equal to `instances`. A command that exits at once looks like a lost instance, so Marathon starts another, forever: you see instances start, finish and start again. That is why this command is a loop that never ends.',
		zh: 'Marathon 的职责是让实例数一直等于 instances。如果命令一启动就退出，Marathon 会认为实例没了，马上再起一个，于是你会看到实例不停地启动、结束、再启动。所以这里的命令是一个永不结束的循环。',
	},
	labShellAppLessons3: {
		en: 'The command listens on no port and has no health check. Marathon knows the process runs but not whether it works, so its health shows as unknown rather than healthy.',
		zh: '这个命令不监听端口，我们也没有配置健康检查。Marathon 只知道进程在运行，不知道它是否正常工作，所以健康状态显示为 unknown（未知），而不是 healthy。',
	},
	// experiments/stopped-services.ts
	labServiceOnHost: {en: '{unit} on {host}', zh: '{host} 上的 {unit}'},
	labServiceSimulated: {en: 'simulated {service}', zh: '{service}（模拟）'},
	labServiceStopping: {en: 'stopping {name}', zh: '停止 {name}'},
	labServiceStarting: {en: 'starting {name}', zh: '启动 {name}'},
	labServicesRestoring: {en: 'restoring what the experiment stopped...', zh: '恢复实验停掉的服务……'},
	labServiceStartFailed: {en: 'could not start {name}: {reason}. Start it by hand: {manualStart}', zh: '无法启动 {name}：{reason}。请手动执行：{manualStart}'},
	// experiments/virtual-host.ts
	labVirtualHostTitle: {en: 'Experiment 4: reach an app by virtual host name', zh: '实验四：用虚拟主机名访问应用'},
	labVirtualHostLessons: {
		en: 'With the label HAPROXY_0_VHOST={vhostName}, marathon-lb adds a rule to its shared port-80 frontend: requests whose Host header is that name go to this app, just like an nginx virtual host.',
		zh: '给应用加上标签 HAPROXY_0_VHOST={vhostName}，marathon-lb 会在共享的 80 端口前端里加一条规则：请求头 Host 等于这个名字的请求转发给该应用。这和 nginx 的虚拟主机是一回事。',
	},
	labVirtualHostLessons2: {
		en: 'Many apps can then share port 80 and users remember names, not ports; the servicePort still works too. A request with another Host does not reach the app.',
		zh: '有了虚拟主机，多个应用可以共用 80 端口，用户只需记住域名；原来的 service port 依然可以访问。Host 不匹配的请求得不到这个应用。',
	},
	// experiments/zk-quorum.ts
	labZkQuorumTitle: {en: 'Experiment 6: ZooKeeper\'s quorum', zh: '实验六：ZooKeeper 的法定人数'},
	labZkQuorumLessons: {
		en: 'A ZooKeeper ensemble serves only while a majority of its members (its quorum) runs. The majority of 3 is 2: lose one, and the two left are still a majority and elect a new leader within a fraction of a second to a few seconds; lose two, and the one left is no majority, so it refuses every request and srvr answers only "not currently serving requests".',
		zh: 'ZooKeeper 集群只有在线成员过半、达到法定人数（quorum）时才提供服务。3 个成员的法定人数是 2：坏掉 1 个，剩下 2 个仍然够数，它们会在几百毫秒到几秒内选出新的主节点（leader）；坏掉 2 个，剩下的 1 个凑不够法定人数，它会拒绝一切请求，srvr 只回答“not currently serving requests”。',
	},
	labZkQuorumLessons2: {
		en: 'The majority of 2 is still 2, so two members survive no failure at all and are more fragile than one; that is why the tutorial runs three.',
		zh: '2 个成员的法定人数还是 2（过半），所以 2 个成员连 1 次故障都扛不住，比 1 个成员还脆弱；这就是教程用 3 个成员的原因。',
	},
	labZkQuorumLessons3: {
		en: 'Mesos masters and Marathon both elect their leaders through ZooKeeper. Once ZooKeeper stops serving, the leading master\'s session expires and it gives up leadership and exits (systemd restarts it); Marathon loses its leader too. When ZooKeeper is back, both elect again. We measure how long each step takes.',
		zh: 'Mesos master 和 Marathon 都通过 ZooKeeper 选主。ZooKeeper 停止服务后，主节点 master 的会话过期，它放弃主节点身份并退出（systemd 会重启它）；Marathon 也失去主节点。ZooKeeper 恢复后，两者重新选主。我们测量每一步用了多久。',
	},
	labZkMesosLeader: {en: 'Mesos leader: {mesosBefore}', zh: 'Mesos 主节点：{mesosBefore}'},
	labZkMesosLeaderNow: {en: 'Mesos leader: {leader}', zh: 'Mesos 主节点：{leader}'},
	labZkMesosNoLeader: {en: 'Mesos leader: none', zh: 'Mesos 主节点：无'},
	labZkMesosSilent: {en: 'Mesos does not answer; this run watches ZooKeeper alone.', zh: 'Mesos 没有应答，本实验只观察 ZooKeeper 自身。'},
	labZkMarathonLeader: {en: 'Marathon leader: {marathonBefore}', zh: 'Marathon 主节点：{marathonBefore}'},
	labZkMarathonSilent: {en: 'Marathon does not answer; this run does not watch it.', zh: 'Marathon 没有应答，本实验不观察 Marathon。'},
	labZkNewLeader: {en: 'zk{id} leads after {electionMs} ms: {modesText}', zh: 'zk{id} 在 {electionMs} 毫秒后成为新的主节点：{modesText}'},
	labZkNoQuorum: {
		en: 'one member left, no majority: {modesText}; srvr answers "This ZooKeeper instance is not currently serving requests"',
		zh: '剩下一个成员，不是多数：{modesText}，srvr 回答 "This ZooKeeper instance is not currently serving requests"',
	},
	labZkLeaderLost: {en: '{who} lost its leader after {lost} ms', zh: '{who} 在 {lost} 毫秒后失去主节点'},
	labZkServesAgain: {en: 'ZooKeeper serves again after {recoveredMs} ms: {modesText}', zh: 'ZooKeeper 在 {recoveredMs} 毫秒后恢复服务：{modesText}'},
	labZkMesosBack: {en: 'Mesos leader {leader}, back after {backMs} ms', zh: 'Mesos 主节点 {leader}，恢复用时 {backMs} 毫秒'},
	labZkMarathonBack: {en: 'Marathon leader {leader}, back after {backMs} ms', zh: 'Marathon 主节点 {leader}，恢复用时 {backMs} 毫秒'},
	// Lines the experiments print as they run.
	labShellAppStdoutOf: {en: 'stdout of {taskId} (from the Mesos sandbox):', zh: '{taskId} 的 stdout（取自 Mesos sandbox）：'},
	labShellAppHealthChecked: {en: 'checked', zh: '已检查'},
	labShellAppHealthUnknown: {en: 'unknown', zh: 'unknown（未知）'},
	labShellAppHealth: {en: 'health of the tasks: {health} (no health check configured)', zh: '任务的健康状态：{health}（没有配置健康检查）'},
	labShellAppScaling: {en: 'scaling {appId} to {instances} instances', zh: '把 {appId} 扩容到 {instances} 个实例'},
	labShellAppNowRuns: {en: '{appId} now runs {running, plural, one {# instance} other {# instances}}', zh: '{appId} 现在运行 {running, plural, other {# 个实例}}'},
	labNginxBackendFrom: {en: 'HAProxy backend {backend} (from /_haproxy_getconfig):', zh: 'HAProxy 后端 {backend}（取自 /_haproxy_getconfig）：'},
	labInsideAgentHeading: {en: '== agent {host} ({endpoint}) ==', zh: '== {host} 上的 agent（{endpoint}）=='},
	// What an experiment observed, listed again when it ends; text quoted from a tool stays as the tool printed it.
	labObservedHeading: {en: 'What this run observed:', zh: '本次运行观察到：'},
	labObsShellStdout: {en: 'the task\'\'s stdout ends with: {lines}', zh: '任务 stdout 的最后几行：{lines}'},
	labObsShellHealth: {en: 'health of the tasks: {health}', zh: '任务的健康状态：{health}'},
	labObsShellScaled: {en: 'after scaling, {running, plural, one {# instance runs} other {# instances run}}', zh: '扩容后有 {running, plural, other {# 个实例}}在运行'},
	labObsBackendServer: {en: 'HAProxy backend server {name} at {address}', zh: 'HAProxy 后端服务器 {name}，地址 {address}'},
	labObsServiceAnswered: {en: 'the service at {url} answered {status}', zh: '{url} 上的服务返回 {status}'},
	labObsFailoverPorts: {en: 'the killed task had host port {killed}; its replacement got host port {replacement}', zh: '被杀掉的任务用的是主机端口 {killed}，替代任务分到主机端口 {replacement}'},
	labObsFirstFailure: {en: 'the first failed request: {error}', zh: '第一个失败的请求：{error}'},
	labObsVhostAnswered: {en: 'a request with Host: {vhost} got {status}', zh: 'Host 为 {vhost} 的请求得到 {status}'},
	labObsOtherHostAnswered: {en: 'a request with another Host got {answer}', zh: 'Host 为其他名字的请求得到 {answer}'},
	labObsPs: {en: 'ps on {host}: {line}', zh: '{host} 上的 ps：{line}'},
	labObsDockerPs: {en: 'docker ps on {host}: {line}', zh: '{host} 上的 docker ps：{line}'},
	labObsExecutor: {en: 'executor of {taskId}, from the agent\'\'s /state: {line}', zh: '{taskId} 的 executor（取自 agent 的 /state）：{line}'},
	labObsSimulatedExecutor: {en: 'simulated executor of {taskId}: {line}', zh: '{taskId} 的模拟 executor：{line}'},
	labObsMasterTasksAfterFailover: {
		en: 'after the failover, {running} of {tasks, plural, one {# task} other {# tasks}} still running',
		zh: '故障切换后，{tasks, plural, other {# 个任务}}中仍有 {running} 个在运行',
	},
	labObsMasterTasksMissing: {
		en: 'after the failover, {running} of {tasks, plural, one {# task} other {# tasks}} still running; missing: {missing}',
		zh: '故障切换后，{tasks, plural, other {# 个任务}}中仍有 {running} 个在运行；不见了的任务：{missing}',
	},
	labObsMasterTasksAtEnd: {en: 'at the end, {running} of {tasks, plural, one {# task} other {# tasks}} still running', zh: '实验结束时，{tasks, plural, other {# 个任务}}中仍有 {running} 个在运行'},
	labObsMarathonRejoined: {en: '{firstLeader} rejoined; /v2/leader names {named}', zh: '{firstLeader} 重新加入，/v2/leader 指向 {named}'},
	labObsZkNewLeader: {en: 'zk{oldId} stopped; zk{newId} leads: {modes}', zh: 'zk{oldId} 停止后，zk{newId} 成为主节点：{modes}'},
	labObsZkNoQuorum: {en: 'two members down: {modes}; the one left serves no requests', zh: '两个成员停止：{modes}；剩下的成员不再处理任何请求'},
	labObsZkLeaderKept: {
		en: '{who} still had a leader {seconds} s after ZooKeeper stopped serving',
		zh: 'ZooKeeper 停止服务 {seconds} 秒后，{who} 仍有主节点',
	},
	labObsZkRecovered: {en: 'recovered: {modes}', zh: '恢复后：{modes}'},
	// What an experiment waits for, named in the error when the wait times out.
	labWaitEveryInstance: {en: 'every instance of {app} to run', zh: '{app} 的所有实例运行起来'},
	labWaitHelloShellTask: {en: 'a running hello-shell task in Mesos', zh: 'Mesos 中出现运行中的 hello-shell 任务'},
	labWaitHelloInStdout: {en: '"hello" in the task\'\'s stdout', zh: '任务的 stdout 中出现 "hello"'},
	labWaitMesosLeader: {en: 'a leading Mesos master', zh: '选出 Mesos 主节点'},
	labWaitStandbyElected: {en: 'a standby master to be elected', zh: '一个备用 master 被选为主节点'},
	labWaitAgentsReregister: {en: 'every agent to re-register with the new leader', zh: '所有 agent 向新的主节点重新注册'},
	labWaitLeaderQuorumBack: {en: 'a leading master once the quorum is back', zh: '法定人数恢复后选出主节点'},
	labWaitTasksReported: {en: 'the tasks to be reported by the leader again', zh: '主节点重新报告这些任务'},
	labWaitTasksWithSandboxes: {en: 'running tasks in Mesos with their sandboxes', zh: 'Mesos 中出现运行中的任务及其 sandbox'},
	labWaitZkLeaderAllServing: {en: 'a ZooKeeper leader with every member serving', zh: 'ZooKeeper 选出主节点且所有成员都在服务'},
	labWaitZkAnotherLeader: {en: 'another member to lead ZooKeeper, with the other following', zh: '另一个成员成为 ZooKeeper 主节点，剩下的成员跟随它'},
	labWaitZkLastStops: {en: 'the last member to stop serving', zh: '最后一个成员停止服务'},
	labWaitLeaderGone: {en: 'the {who} leader to go', zh: '{who} 主节点消失'},
	labWaitZkServesAgain: {en: 'ZooKeeper to serve again with all three members', zh: 'ZooKeeper 三个成员全部恢复服务'},
	labWaitMesosLeaderAgain: {en: 'a Mesos leader again', zh: '重新选出 Mesos 主节点'},
	labWaitMarathonLeaderAgain: {en: 'a Marathon leader again', zh: '重新选出 Marathon 主节点'},
	labWaitMarathonLeader: {en: 'a Marathon leader', zh: '选出 Marathon 主节点'},
	labWaitOtherMarathonNamed: {en: '/v2/leader to name the other Marathon', zh: '/v2/leader 指向另一个 Marathon'},
	labWaitNewLeaderApps: {en: 'the new leader to list the apps', zh: '新的主节点列出这些应用'},
	labWaitScaledUnderNewLeader: {en: '{app} to run {instances} instances under the new leader', zh: '{app} 在新的主节点下运行 {instances} 个实例'},
	labWaitBackToInstances: {en: '{app} to be back to {instances} instances', zh: '{app} 恢复到 {instances} 个实例'},
	labWaitRestartedStandby: {en: 'the restarted Marathon to answer as a standby', zh: '重启的 Marathon 以备用身份应答'},
	labWaitBackendHealthy: {en: 'HAProxy backend {backend} to list {instances} healthy tasks', zh: 'HAProxy 后端 {backend} 列出 {instances} 个健康的任务'},
	labWaitNginxAnswers: {en: 'nginx to answer on {url}', zh: 'nginx 在 {url} 上应答'},
	labWaitAnswersBeforeKill: {en: '{url} to answer before the kill', zh: '杀掉容器之前 {url} 先应答'},
	labWaitHaproxyDrops: {en: 'HAProxy to drop the killed container from its backend', zh: 'HAProxy 把被杀掉的容器移出后端'},
	labWaitReplacementTask: {en: 'Marathon to start a replacement task on a new host port', zh: 'Marathon 在新的主机端口上启动替代任务'},
	labWaitVhostAnswers: {en: '{url} with Host: {vhost} to answer', zh: '{url} 在 Host: {vhost} 下应答'},
	labSecondTerminalIntro: {en: 'Run these in a second terminal while this one shows the cluster (Esc closes):', zh: '在另一个终端里运行下面的命令，这个终端继续显示集群（Esc 关闭）：'},
	labSecondTerminalLb: {en: 'marathon-lb  {lb}  (HAProxy stats: /haproxy?stats, config: /_haproxy_getconfig)', zh: 'marathon-lb  {lb}  （HAProxy 统计：/haproxy?stats，配置：/_haproxy_getconfig）'},
	labSecondTerminalNoHaproxy: {en: "nginx, failover and vhost request the app through HAProxy''s service ports: start the demo with", zh: 'nginx、failover 和 vhost 通过 HAProxy 的 service port 访问应用：启动 demo 时'},
	labSecondTerminalNoHaproxyHow: {en: '--haproxy (needs HAProxy installed) so that HAProxy listens on them.', zh: '加上 --haproxy（需要已安装 HAProxy），让 HAProxy 监听这些端口。'},
	labKilledContainer: {en: 'docker kill {id} on {host}', zh: '已在 {host} 上执行 docker kill {id}'},
	labKilledSimContainer: {en: 'docker kill of {taskId} on the simulated agent {host}', zh: '已在模拟的 agent {host} 上对 {taskId} 执行 docker kill'},
	labFailoverKilling: {en: 'killing task {taskId} on {host}:{port}: {result}', zh: '正在杀掉 {host}:{port} 上的任务 {taskId}：{result}'},
	labFailoverReplacement: {en: 'replacement {taskId} runs on {host}:{port}', zh: '替代任务 {taskId} 运行在 {host}:{port}'},
	labFailoverDeadListed: {en: 'HAProxy listed the dead container for {ms} ms after the kill', zh: '杀掉之后，HAProxy 又列出已死的容器 {ms} 毫秒'},
	labFailoverBackendLists: {en: 'HAProxy backend {backend} now lists: {servers}', zh: 'HAProxy 后端 {backend} 现在列出：{servers}'},
	labFailoverSummary: {
		en: 'requests sent: {total}, failed: {failed}, outage: {outageMs} ms, slowest request: {slowestMs} ms, healed in {healedMs} ms',
		zh: '发出请求：{total} 个，失败：{failed} 个，中断：{outageMs} 毫秒，最慢的请求：{slowestMs} 毫秒，{healedMs} 毫秒后恢复',
	},
});
