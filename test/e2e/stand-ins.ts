// Stateful stand-ins for the CentOS 7 tools the install drives. They keep their state under
// `$host_dir/state`, so a second run's checks see what the first run did, exactly as on a real
// machine: yum records packages that rpm then reports, systemctl starts what a unit file's
// ExecStart says and remembers what is enabled, docker answers only while its service runs.
// Each one models what its upstream documents, including the parts that hurt: a fresh host is as
// a CentOS 7.9.2009 minimal install leaves it, not as the install would like it to be.

/** rpm(8) queries over the stand-in database: `-q`, `-q --qf %{VERSION}`, `-ql` (files a package put down). */
const rpm = String.raw`
db="$host_dir/state/rpms"; touch "$db"
if [ "$1" = -q ] && [ "$2" = --qf ]; then
  format=$3; name=$4
  version=$(awk -v n="$name" '$1 == n {print $2}' "$db")
  if [ -z "$version" ]; then echo "package $name is not installed"; exit 1; fi
  printf '%s' "$format" | sed "s/%{VERSION}/$version/"; exit 0
fi
if [ "$1" = -ql ]; then
  grep -q "^$2 " "$db" || { echo "package $2 is not installed"; exit 1; }
  cat "$host_dir/state/rpmfiles/$2" 2>/dev/null; exit 0
fi
[ "$1" = -q ] || { echo "rpm stand-in: only -q, -q --qf and -ql are supported" >&2; exit 2; }
shift; missing=0
for name in "$@"; do
  version=$(awk -v n="$name" '$1 == n {print $2}' "$db")
  if [ -n "$version" ]; then echo "$name-$version-1.el7.x86_64"; else echo "package $name is not installed"; missing=$((missing + 1)); fi
done
exit $missing`;

/**
 * yum 3.4.3 as CentOS 7 ships it, reduced to the commands the install uses.
 *
 * - The lock (rpm-software-management/yum, yum/__init__.py doLock; yummain.py main): every run
 *   creates /var/run/yum.pid exclusively and keeps it until it exits. A run that finds the file
 *   naming another live process prints "Another app is currently holding the yum lock; waiting for
 *   it to exit..." and tries again every two seconds, for ever, unless exit_on_lock is set
 *   (then it exits 200). Only the holder's own pid is tolerated.
 * - Post-transaction actions (yum-utils plugins/post-transaction-actions/post-transaction-actions.py,
 *   posttrans_hook): after a transaction, with yum-plugin-post-transaction-actions installed, each
 *   `glob:state:command` line of /etc/yum/post-actions/*.action whose glob matches a package the
 *   transaction installed or updated is run with os.system(), while this yum still holds its lock.
 * - Repos: makecache, repolist and every transaction fetch repodata/repomd.xml from the baseurl, so
 *   a repo file that names a dead mirror fails here too. The vault's `updates` carries
 *   centos-release-7-9.2009.1 (the 7.9.2009 ISO installs .0), newer ca-certificates and nss; the
 *   docker-ce el7 repo offers every version up to 26.1.4, its newest (docker/docker-ce-packaging
 *   PR 1028: no el7 builds from 27.0). docker-ce on el7 requires docker-ce-rootless-extras
 *   (docker-ce-packaging rpm/SPECS/docker-ce.spec, `%if 0%{?rhel} == 7`).
 * - `install` of an installed package updates it to the newest version; `install NAME-VERSION`
 *   older than what is installed changes nothing ("already installed"), only `downgrade` goes back.
 * - versionlock (yum-utils plugins/versionlock): with yum-plugin-versionlock installed, packages
 *   named in /etc/yum/pluginconf.d/versionlock.list (`EPOCH:NAME-VERSION-RELEASE.*`) are held at
 *   that version by update and install.
 * - A local `.rpm` path installs that package's files where its spec puts them (this stand-in's
 *   package is a tar.gz holding PKGINFO and the file tree).
 */
const yum = String.raw`
db="$host_dir/state/rpms"; touch "$db"
files="$host_dir/state/rpmfiles"; mkdir -p "$files"
lock=/var/run/yum.pid
locks=/etc/yum/pluginconf.d/versionlock.list
quiet=; exit_on_lock=; args=
for a in "$@"; do
  case "$a" in
    -q) quiet=1;; -y) ;;
    --setopt=exit_on_lock=1|--setopt=exit_on_lock=True|--setopt=exit_on_lock=true) exit_on_lock=1;;
    --setopt=*|--disablerepo=*|--enablerepo=*|--disableexcludes=*) ;;
    *) args="$args $a";;
  esac
done
set -f; set -- $args; set +f
action=$1; shift

take_lock() {
  waited=
  while ! ( set -C; echo $$ > "$lock" ) 2>/dev/null; do
    holder=$(cat "$lock" 2>/dev/null)
    if [ -n "$holder" ] && [ "$holder" != $$ ] && kill -0 "$holder" 2>/dev/null; then
      if [ -n "$exit_on_lock" ]; then echo "Existing lock $lock: another copy is running as pid $holder." >&2; exit 200; fi
      [ -n "$waited" ] || echo "Another app is currently holding the yum lock; waiting for it to exit..." >&2
      echo "  The other application is: yum" >&2
      waited=1; sleep 2
    else
      rm -f "$lock"
    fi
  done
  trap 'rm -f "$lock"' EXIT
}
installed() { awk -v n="$1" '$1 == n {print $2}' "$db"; }
has() { [ -n "$(installed "$1")" ]; }
newer() { [ "$1" != "$2" ] && [ "$(printf '%s\n%s\n' "$1" "$2" | sort -V | tail -n 1)" = "$1" ]; }
docker_repo() { [ -f /etc/yum.repos.d/docker-ce.repo ]; }
newest() {
  case "$1" in
    centos-release) echo 7-9.2009.1;;
    ca-certificates) echo 2023.2.60;;
    nss) echo 3.90.0;;
    docker-ce|docker-ce-cli|docker-ce-rootless-extras) docker_repo && echo 26.1.4;;
    containerd.io) docker_repo && echo 1.6.33;;
    *) echo 1.0;;
  esac
}
offered() {
  case "$1" in
    docker-ce|docker-ce-cli|docker-ce-rootless-extras|containerd.io) docker_repo;;
    centos-release) [ "$2" = 7-9.2009.0 ] || [ "$2" = 7-9.2009.1 ];;
    *) true;;
  esac
}
locked() {
  has yum-plugin-versionlock && [ -f "$locks" ] || return 1
  sed -E 's/^[0-9]+://; s/-[^-]*$//' "$locks" | grep -E "^$1-[0-9]" | sed -E "s/^$1-//" | head -n 1
}
split() {
  case "$1" in
    *-[0-9]*) name=$(printf '%s' "$1" | sed -E 's/-[0-9][^-]*$//'); want=$(printf '%s' "$1" | sed -E 's/.*-([0-9][^-]*)$/\1/');;
    *) name=$1; want=;;
  esac
}
tx="$host_dir/state/yum-transaction.$$"
record() {
  grep -v "^$1 " "$db" > "$db.new"; echo "$1 $2" >> "$db.new"; mv "$db.new" "$db"
  echo "$1 $3" >> "$tx"
  [ -n "$quiet" ] || echo "  $( [ "$3" = install ] && echo Installing || echo Updating ) : $1-$2-1.el7.x86_64"
  if [ "$1" = docker-ce-cli ]; then ln -sf "$host_dir/stand-ins/docker" /usr/bin/docker; fi
}
install_one() {
  case "$1" in
    /*.rpm)
      work=$(mktemp -d); tar -xzf "$1" -C "$work" || { echo "Cannot open: $1. Skipping." >&2; return 1; }
      read -r name version < "$work/PKGINFO"
      (cd "$work/root" && find . -type f -o -type d | sed 's/^\.//' | grep .) > "$files/$name"
      cp -a "$work/root/." /; rm -rf "$work"
      record "$name" "$version" install; return 0;;
  esac
  split "$1"; have=$(installed "$name"); hold=$(locked "$name")
  if [ -n "$want" ]; then
    offered "$name" "$want" && { [ -z "$hold" ] || [ "$hold" = "$want" ]; } || { echo "No package $1 available."; return 0; }
    if [ -z "$have" ]; then record "$name" "$want" install
    elif newer "$want" "$have"; then record "$name" "$want" update
    else echo "Package $name-$have-1.el7.x86_64 already installed and latest version"; fi
  else
    top=$(newest "$name"); [ -n "$hold" ] && top=$hold
    [ -n "$top" ] || { echo "No package $1 available."; return 0; }
    if [ -z "$have" ]; then record "$name" "$top" install
    elif newer "$top" "$have"; then record "$name" "$top" update
    else echo "Package $name-$have-1.el7.x86_64 already installed and latest version"; fi
  fi
}
dependencies() {
  if grep -q "^docker-ce " "$tx" && ! has docker-ce-rootless-extras; then install_one docker-ce-rootless-extras; fi
}
post_actions() {
  has yum-plugin-post-transaction-actions || return 0
  for file in /etc/yum/post-actions/*.action; do
    [ -f "$file" ] || continue
    grep -v '^[[:space:]]*#' "$file" | grep ':' | while IFS= read -r line; do
      glob=$(printf %s "$line" | cut -d: -f1); state=$(printf %s "$line" | cut -d: -f2); comm=$(printf %s "$line" | cut -d: -f3-)
      while read -r name how; do
        case "$name" in
          $glob) case "$state" in any|"$how") sh -c "$comm" < /dev/null;; esac;;
        esac
      done < "$tx"
    done
  done
}
finish() {
  if [ -s "$tx" ]; then dependencies; post_actions; echo "Complete!"; else echo "Nothing to do"; fi
  rm -f "$tx"
}
repomd() {
  base=$(awk -v s="[$1]" '$0 == s {f=1; next} /^\[/ {f=0} f && /^baseurl=/ {sub(/^baseurl=/, ""); print; exit}' /etc/yum.repos.d/*.repo 2>/dev/null | sed 's/\$basearch/x86_64/; s/\$releasever/7/; s:/*$::')
  [ -n "$base" ] || { echo "Error: no repo named $1" >&2; return 1; }
  curl -fsS --max-time 10 -o /dev/null "$base/repodata/repomd.xml" || { echo "failure: repodata/repomd.xml from $1: [Errno 14] HTTP Error 404 - Not Found" >&2; return 1; }
}
pending() {
  for name in "$@"; do
    have=$(installed "$name"); [ -n "$have" ] || continue
    top=$(newest "$name"); hold=$(locked "$name"); [ -n "$hold" ] && top=$hold
    [ -n "$top" ] && newer "$top" "$have" && echo "$name $top"
  done
}
take_lock
: > "$tx"
case "$action" in
  clean) rm -rf /var/cache/yum/*; echo "Cleaning repos: base extras updates";;
  makecache) repomd base;;
  repolist) for r in "$@"; do repomd "$r" || exit 1; echo "$r   $r   13,791"; done;;
  check-update)
    [ $# -gt 0 ] || set -- $(awk '{print $1}' "$db")
    [ -z "$(pending "$@")" ] || exit 100; exit 0;;
  install)
    repomd base || exit 1
    for p in "$@"; do install_one "$p" || exit 1; done
    finish;;
  remove|erase)
    # yum remove: the package leaves the rpm database (and the docker CLI its link).
    for p in "$@"; do
      [ -n "$(installed "$p")" ] || { echo "No Match for argument: $p"; continue; }
      grep -v "^$p " "$db" > "$db.new"; mv "$db.new" "$db"
      [ -n "$quiet" ] || echo "  Erasing    : $p"
      if [ "$p" = docker-ce-cli ]; then rm -f /usr/bin/docker; fi
    done
    echo "Complete!";;
  update)
    repomd base || exit 1
    [ $# -gt 0 ] || set -- $(awk '{print $1}' "$db")
    pending "$@" | while read -r name top; do record "$name" "$top" update; done
    [ -s "$tx" ] || { echo "No packages marked for update"; rm -f "$tx"; exit 0; }
    finish;;
  downgrade)
    for p in "$@"; do
      split "$p"; have=$(installed "$name")
      if [ -n "$have" ] && [ -n "$want" ] && newer "$have" "$want"; then record "$name" "$want" downgrade; fi
    done
    finish;;
  versionlock)
    has yum-plugin-versionlock || { echo "No such command: versionlock. Please use /usr/bin/yum --help" >&2; exit 1; }
    sub=$1; shift; mkdir -p "$(dirname "$locks")"; touch "$locks"
    case "$sub" in
      list) cat "$locks";;
      add) for p in "$@"; do split "$p"; v=$(installed "$name"); [ -n "$v" ] || { echo "Error: $p is not installed" >&2; exit 1; }; echo "0:$name-$v-1.el7.*" >> "$locks"; echo "Adding versionlock on: 0:$name-$v-1.el7"; done;;
      delete) for p in "$@"; do split "$p"; grep -v ":$name-[0-9]" "$locks" > "$locks.new"; mv "$locks.new" "$locks"; done;;
      *) echo "versionlock: $sub is not supported" >&2; exit 2;;
    esac;;
  *) echo "yum stand-in: $action is not supported" >&2; exit 2;;
esac`;

/**
 * A small systemd: unit files under /etc/systemd/system are really started (Environment,
 * ExecStartPre with its "-" prefix, ExecStart in its own session); units without a file only change
 * state. is-active asks whether the started process still lives. Every process a unit starts, and
 * everything those start, belongs to the unit's control group (modelled by an environment mark that
 * children inherit). Stopping follows systemd.kill(5): the default KillMode=control-group kills
 * every remaining process of the group, KillMode=process only the main process.
 */
const systemctl = String.raw`
units="$host_dir/state/units"; mkdir -p "$units"
quiet=; now=; names=
action=$1; shift
for a in "$@"; do case "$a" in --quiet|-q) quiet=1;; --now) now=1;; -*) ;; *) case "$a" in *.*) names="$names $a";; *) names="$names $a.service";; esac;; esac; done
alive() { [ -f "$units/$1.pid" ] && member "$1" "$(cat "$units/$1.pid")"; }
active() { alive "$1" || { [ ! -f "/etc/systemd/system/$1" ] && [ -f "$units/$1.active" ]; }; }
start() {
  active "$1" && return 0
  file="/etc/systemd/system/$1"
  if [ ! -f "$file" ]; then
    case "$1" in docker.service|chronyd.service|firewalld.service) touch "$units/$1.active"; return 0;; esac
    echo "Failed to start $1: Unit not found." >&2; return 5
  fi
  env_args="MESOS_LAB_CGROUP=$host_dir/$1 $(sed -n 's/^Environment=//p' "$file" | tr '\n' ' ')"
  sed -n 's/^ExecStartPre=//p' "$file" | while IFS= read -r line; do
    line=$(printf '%s' "$line" | sed -E "s/^(')?-/\1/")
    env $env_args sh -c "$line" >> "$units/$1.log" 2>&1 < /dev/null || true
  done
  line=$(sed -n 's/^ExecStart=//p' "$file")
  setsid env $env_args sh -c "exec $line" >> "$units/$1.log" 2>&1 < /dev/null &
  echo $! > "$units/$1.pid"
}
# The group's mark names this host too: all test hosts share one machine's processes, and a pid
# that outlived its process may belong to anyone now.
group() { grep -l -s -z -x "MESOS_LAB_CGROUP=$host_dir/$1" /proc/[0-9]*/environ | cut -d/ -f3; }
member() { grep -q -s -z -x "MESOS_LAB_CGROUP=$host_dir/$1" "/proc/$2/environ"; }
running() { [ -d "/proc/$1" ] && ! grep -q ') Z ' "/proc/$1/stat" 2>/dev/null; }
# A stop ends when what it signalled has exited; after TimeoutStopSec (10 s here) SIGKILL follows.
stop() {
  mode=$(sed -n 's/^KillMode=//p' "/etc/systemd/system/$1" 2>/dev/null); [ -n "$mode" ] || mode=control-group
  if [ -f "$units/$1.pid" ]; then
    main=$(cat "$units/$1.pid"); victims=""
    ! member "$1" "$main" || victims=$main
    [ "$mode" != control-group ] || victims="$victims $(group "$1")"
    for p in $victims; do kill -TERM "$p" 2>/dev/null; done
    for p in $victims; do
      n=0; while running "$p" && [ $n -lt 100 ]; do sleep 0.1; n=$((n + 1)); done
      ! running "$p" || kill -KILL "$p" 2>/dev/null
    done
    rm -f "$units/$1.pid"
  fi
  rm -f "$units/$1.active"
}
status=0
case "$action" in
  daemon-reload) exit 0;;
  enable) for u in $names; do touch "$units/$u.enabled"; [ -z "$now" ] || start "$u" || status=1; done;;
  disable) for u in $names; do rm -f "$units/$u.enabled"; [ -z "$now" ] || stop "$u"; done;;
  start|restart) for u in $names; do [ "$action" = start ] || stop "$u"; start "$u" || status=1; done;;
  stop) for u in $names; do stop "$u"; done;;
  is-active) for u in $names; do if active "$u"; then [ -n "$quiet" ] || echo active; else [ -n "$quiet" ] || echo inactive; status=3; fi; done;;
  is-enabled) for u in $names; do if [ -f "$units/$u.enabled" ]; then [ -n "$quiet" ] || echo enabled; else [ -n "$quiet" ] || echo disabled; status=1; fi; done;;
  list-units)
    for f in "$units"/*.pid "$units"/*.active; do
      [ -e "$f" ] || continue
      u=$(basename "$f" | sed 's/\.pid$//; s/\.active$//')
      set -f; for pattern in $names; do case "$u" in $pattern) active "$u" && echo "$u loaded active running $u";; esac; done; set +f
    done | sort -u;;
  *) echo "systemctl stand-in: $action is not supported" >&2; exit 2;;
esac
exit $status`;

/**
 * The docker CLI against a daemon that runs while docker.service is active. `docker info` reports
 * the installed docker-ce. `--` ends docker's options as spf13/pflag reads it (flag.go: "--"
 * terminates the flags); the image follows. A container of the Marathon image starts libmesos,
 * which picks the address it advertises as libprocess does (apache/mesos
 * 3rdparty/libprocess/src/process.cpp, process::initialize): LIBPROCESS_IP when set, else the first
 * IPv4 address the host name resolves to, and no address at all is fatal. The choice is printed and
 * kept beside the container's state.
 */
const docker = String.raw`
state="$host_dir/state/docker"; mkdir -p "$state"; touch "$state/images"
units="$host_dir/state/units"
daemon() {
  [ -f "$units/docker.service.active" ] && return 0
  echo "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?" >&2; exit 1
}
case "$1" in
  info) daemon; awk '$1 == "docker-ce" {print $2}' "$host_dir/state/rpms";;
  pull)
    daemon; shift; [ "$1" = -- ] && shift
    echo "$1: Pulling from registry"; grep -qxF "$1" "$state/images" || echo "$1" >> "$state/images"; echo "Status: Downloaded newer image for $1";;
  image)
    [ "$2" = inspect ] || exit 2; daemon; shift 2; format=
    [ "$1" = --format ] && { format=$2; shift 2; }
    [ "$1" = -- ] && shift
    for i in "$@"; do grep -qxF "$i" "$state/images" || { echo "Error: No such image: $i" >&2; exit 1; }; done
    if [ -n "$format" ]; then printf '%s\n' "$@"; else echo "[]"; fi;;
  rm)
    daemon; name=$3; pid=$(awk -v n="$name" '$1 == n {print $2}' "$state/containers" 2>/dev/null)
    if [ -z "$pid" ] || ! kill -0 "$pid" 2>/dev/null; then echo "Error: No such container: $name" >&2; exit 1; fi
    kill -KILL "$pid"; grep -v "^$name " "$state/containers" > "$state/containers.new"; mv "$state/containers.new" "$state/containers"; echo "$name";;
  rmi)
    daemon; grep -qxF "$2" "$state/images" || { echo "Error: No such image: $2" >&2; exit 1; }
    grep -vxF "$2" "$state/images" > "$state/images.new"; mv "$state/images.new" "$state/images"; echo "Untagged: $2";;
  ps)
    daemon
    if [ "$2" = --format ] && [ -f "$host_dir/state/mesos-agent-url" ]; then
      # \`docker ps --format TEMPLATE\` on an agent: the containers the docker containerizer started for
      # the agent's Docker tasks, named mesos-<container id> (DOCKER_NAME_PREFIX "mesos-" in apache/mesos
      # src/slave/containerizer/docker.cpp), each port as docker prints a published one: 0.0.0.0:HOST->CONTAINER/tcp.
      curl -fsS "$(cat "$host_dir/state/mesos-agent-url")/state" | jq -r --arg format "$3" '
        .frameworks[].executors[].tasks[] | select(.state == "TASK_RUNNING" and .container.type == "DOCKER")
        | (.statuses[-1].container_status.container_id.value) as $cid
        | ([.container.docker.port_mappings[] | "0.0.0.0:\(.host_port)->\(.container_port)/\(.protocol // "tcp")"] | join(", ")) as $ports
        | .container.docker.image as $image
        | $format | gsub("\\{\\{\\.ID\\}\\}"; ($cid | gsub("-"; "") | .[0:12])) | gsub("\\{\\{\\.Image\\}\\}"; $image)
        | gsub("\\{\\{\\.Ports\\}\\}"; $ports) | gsub("\\{\\{\\.Names\\}\\}"; "mesos-" + $cid)'
      exit 0
    fi
    if [ "$2" = -q ] && [ "$3" = --filter ] && [ -f "$host_dir/state/mesos-agent-url" ]; then
      # \`docker ps -q --filter publish=PORT\`: the short id of the container publishing that host port.
      port=$(printf %s "$4" | sed -n 's/^publish=//p')
      curl -fsS "$(cat "$host_dir/state/mesos-agent-url")/state" | jq -r --argjson port "$port" '
        .frameworks[].executors[].tasks[] | select(.state == "TASK_RUNNING" and .container.type == "DOCKER")
        | select(any(.container.docker.port_mappings[]; .host_port == $port))
        | .statuses[-1].container_status.container_id.value | gsub("-"; "") | .[0:12]'
      exit 0
    fi
    # Containers live while their run process does: \`ps -a --filter name=X --format '{{.Names}}'\` lists them.
    filter=$(printf '%s\n' "$@" | sed -n 's/^name=//p')
    touch "$state/containers"
    while read -r name pid; do kill -0 "$pid" 2>/dev/null && case "$name" in *"$filter"*) echo "$name";; esac; done < "$state/containers";;
  stop) daemon; echo "$2";;
  kill)
    # A Mesos task's container dies at once; the agent's executor then reports the task failed.
    daemon; [ "$2" = -- ] && shift
    task=$(curl -fsS "$(cat "$host_dir/state/mesos-agent-url")/state" | jq -r --arg id "$2" '
      .frameworks[].executors[].tasks[] | select(.state == "TASK_RUNNING")
      | select(.statuses[-1].container_status.container_id.value | gsub("-"; "") | startswith($id)) | .id')
    [ -n "$task" ] || { echo "Error response from daemon: No such container: $2" >&2; exit 1; }
    curl -fsS -X POST -H 'content-type: application/json' -d "{\"taskId\":\"$task\"}" "$(cat "$host_dir/state/sim-control-url")/_sim/kill-container" > /dev/null
    echo "$2";;
  run)
    daemon; shift; image=; name=; libprocess_ip=
    while [ $# -gt 0 ]; do
      case "$1" in
        --) image=$2; break;;
        --rm|--net=*|-d) shift;;
        --name) name=$2; shift 2;;
        -e) case "$2" in LIBPROCESS_IP=*) libprocess_ip=$(printf %s "$2" | cut -d= -f2-);; esac; shift 2;;
        *) image=$1; break;;
      esac
    done
    grep -qxF "$image" "$state/images" || { echo "Unable to find image '$image' locally" >&2; exit 125; }
    case "$image" in
      */marathon:*)
        if [ -z "$libprocess_ip" ]; then
          host=$(hostname)
          libprocess_ip=$(getent ahostsv4 "$host" | awk 'NR == 1 {print $1}')
          [ -n "$libprocess_ip" ] || { echo "Failed to obtain the IP address for '$host'; the DNS service may not be able to resolve it: Name or service not known" >&2; exit 1; }
        fi
        echo "libprocess is initialized on $libprocess_ip"
        echo "$libprocess_ip" > "$state/$name.libprocess-ip";;
    esac
    [ -z "$name" ] || echo "$name $$" >> "$state/containers"
    exec sleep 2147483647;;
  *) echo "docker stand-in: $1 is not supported" >&2; exit 2;;
esac`;

const mvn = String.raw`
awk '$1 == "maven" {found=1} END {exit !found}' "$host_dir/state/rpms" || { echo "mvn: command not found" >&2; exit 127; }
echo "Apache Maven 3.0.5 (Red Hat 3.0.5-17)"`;

// Answers from the same unit state as the systemctl stand-in.
const firewallCmd = String.raw`
if [ ! -f "$host_dir/state/units/firewalld.service.active" ]; then echo "not running"; exit 252; fi
case "$1" in --state) echo running;; *) echo success;; esac`;

/**
 * getenforce(8) / setenforce(8) of libselinux-utils. Anaconda installs CentOS 7 with
 * SELINUX=enforcing in /etc/selinux/config, so a fresh host is Enforcing; setenforce needs root
 * and changes only the running mode (the config file is what a reboot reads).
 */
const getenforce = String.raw`cat "$host_dir/state/selinux" 2>/dev/null || echo Enforcing`;
const setenforce = String.raw`
mode=$(cat "$host_dir/state/selinux" 2>/dev/null || echo Enforcing)
[ "$mode" != Disabled ] || { echo "setenforce: SELinux is disabled" >&2; exit 1; }
[ "$(id -u)" = 0 ] || { echo "setenforce:  setenforce() failed" >&2; exit 1; }
case "$1" in 0|[Pp]ermissive) echo Permissive > "$host_dir/state/selinux";; 1|[Ee]nforcing) echo Enforcing > "$host_dir/state/selinux";; *) echo "usage:  setenforce [ Enforcing | Permissive | 1 | 0 ]" >&2; exit 1;; esac`;

/**
 * hostname(1) of this host, which the test cannot change for real (it shares the machine's UTS
 * namespace). A CentOS 7 minimal install is named localhost.localdomain, a name the stock
 * /etc/hosts (setup package) gives to 127.0.0.1; `hostname NAME` renames it, `-I` lists addresses.
 */
const hostname = String.raw`
f="$host_dir/state/hostname"
[ -s "$f" ] || echo localhost.localdomain > "$f"
case "$1" in
  "") cat "$f";;
  -I|--all-ip-addresses) ip -4 -o addr show scope global | awk '{sub(/\/.*/, "", $4); printf "%s ", $4} END {print ""}';;
  -s|--short) cut -d. -f1 "$f";;
  -*) cat "$f";;
  *) [ "$(id -u)" = 0 ] || { echo "hostname: you must be root to change the host name" >&2; exit 1; }; echo "$1" > "$f";;
esac`;

/**
 * hostnamectl(1) of systemd 219 (src/hostname/hostnamectl.c), `set-hostname NAME` and the status
 * line only: setting needs root (polkit refuses others without a prompt) and changes the static and
 * transient name, the one hostname(1) prints; /etc/hosts is left as it was.
 */
const hostnamectl = String.raw`
f="$host_dir/state/hostname"
case "$1" in
  set-hostname)
    [ "$(id -u)" = 0 ] || { echo "Could not set property: Interactive authentication required." >&2; exit 1; }
    [ -n "$2" ] || { echo "Too few arguments." >&2; exit 1; }
    echo "$2" > "$f";;
  ""|status) echo "   Static hostname: $(cat "$f" 2>/dev/null || echo localhost.localdomain)";;
  *) echo "hostnamectl stand-in: $1 is not supported" >&2; exit 2;;
esac`;

/** The stand-ins a lab install needs on a test host, by program name. */
/**
 * procps' ps, plus the processes a Mesos agent runs for its tasks when the agent answers at
 * state/mesos-agent-url (the simulated one has no processes of its own). Each is the command line
 * the agent starts, with the lab's prefix /usr/local (Mesos built from source):
 * - a command task: the Command Executor, \`mesos-executor --launcher_dir=DIR\`, and the
 *   \`mesos-containerizer launch\` it runs the command through (apache/mesos src/launcher/executor.cpp,
 *   launchTaskSubprocess; the tutorial's 运行原理 shows one of each per instance);
 * - a Docker task: \`mesos-docker-executor --container=mesos-ID --docker=docker … --sandbox_directory=DIR
 *   --stop_timeout=0ns\`, the flags the docker containerizer passes (src/slave/containerizer/docker.cpp;
 *   as a `docker inspect` of a Mesos 0.25 executor container shows them).
 */
const ps = String.raw`
for real in /usr/bin/ps /bin/ps; do [ -x "$real" ] && break; done
if [ "$*" != "-eo pid,args" ] || [ ! -f "$host_dir/state/mesos-agent-url" ]; then exec "$real" "$@"; fi
"$real" "$@"
libexec=/usr/local/libexec/mesos
curl -fsS "$(cat "$host_dir/state/mesos-agent-url")/state" | jq -r --arg libexec "$libexec" '
  [.frameworks[].executors[] | select(any(.tasks[]; .state == "TASK_RUNNING"))] | to_entries[]
  | (20000 + 3 * .key) as $pid | .value as $executor | $executor.tasks[0] as $task
  | ($task.statuses[-1].container_status.container_id.value) as $cid
  | if $task.container.type == "DOCKER" then
      "\($pid) \($libexec)/mesos-docker-executor --cgroups_enable_cfs=false --container=mesos-\($cid) --docker=docker --docker_socket=/var/run/docker.sock --help=false --initialize_driver_logging=true --launcher_dir=\($libexec) --logbufsecs=0 --logging_level=INFO --mapped_directory=/mnt/mesos/sandbox --quiet=false --sandbox_directory=\($executor.directory) --stop_timeout=0ns"
    else
      "\($pid) \($libexec)/mesos-executor --launcher_dir=\($libexec)",
      "\($pid + 1) \($libexec)/mesos-containerizer launch"
    end'`;

export function labStandIns(): Record<string, string> {
	return {rpm, yum, systemctl, docker, mvn, 'firewall-cmd': firewallCmd, getenforce, setenforce, hostname, hostnamectl, ps};
}

/**
 * Where CentOS 7 keeps each stand-in's program. sudo replaces PATH with secure_path, so a root
 * command run through sudo finds them only there, as on a real host.
 */
export const standInPaths: Record<string, string> = {
	rpm: '/usr/bin/rpm',
	yum: '/usr/bin/yum',
	systemctl: '/usr/bin/systemctl',
	mvn: '/usr/bin/mvn',
	'firewall-cmd': '/usr/bin/firewall-cmd',
	getenforce: '/usr/sbin/getenforce',
	setenforce: '/usr/sbin/setenforce',
	hostname: '/usr/bin/hostname',
	hostnamectl: '/usr/bin/hostnamectl',
};

/**
 * CentOS 7's stock /etc/sudoers (sudo-1.8.23 el7), reduced to its effective lines: env_reset and
 * a secure_path without /usr/local, so root commands run through sudo never see /usr/local/sbin.
 * Only the timestamp folder moves into the host's own folder, so the test writes nothing to /run.
 */
export function centosSudoers(timestampDir: string): string {
	return [
		'Defaults   !visiblepw',
		'Defaults    always_set_home',
		'Defaults    match_group_by_gid',
		'Defaults    env_reset',
		'Defaults    env_keep =  "COLORS DISPLAY HOSTNAME HISTSIZE KDEDIR LS_COLORS"',
		'Defaults    secure_path = /sbin:/bin:/usr/sbin:/usr/bin',
		`Defaults    timestampdir=${timestampDir}`,
		'root    ALL=(ALL)       ALL',
		'%wheel  ALL=(ALL)       ALL',
		'',
	].join('\n');
}

/** The setup package's /etc/hosts on CentOS 7: only loopback names. */
export const centosHosts = '127.0.0.1   localhost localhost.localdomain localhost4 localhost4.localdomain4\n::1         localhost localhost.localdomain localhost6 localhost6.localdomain6\n';

/**
 * Packages a 7.9.2009 minimal install has that the install's commands touch (the ISO's versions,
 * older than the vault's updates).
 */
export const freshPackages = ['centos-release 7-9.2009.0', 'ca-certificates 2020.2.41', 'nss 3.53.1', 'yum 3.4.3', 'sudo 1.8.23'];
