// Stateful stand-ins for the CentOS 7 tools the install drives. They keep their state under
// `$host_dir/state`, so a second run's checks see what the first run did, exactly as on a real
// machine: yum records packages that rpm then reports, systemctl starts what a unit file's
// ExecStart says and remembers what is enabled, docker answers only while its service runs.

const rpm = String.raw`
db="$host_dir/state/rpms"; touch "$db"
if [ "$1" = -q ] && [ "$2" = --qf ]; then
  format=$3; name=$4
  version=$(awk -v n="$name" '$1 == n {print $2}' "$db")
  if [ -z "$version" ]; then echo "package $name is not installed"; exit 1; fi
  printf '%s' "$format" | sed "s/%{VERSION}/$version/"; exit 0
fi
[ "$1" = -q ] || { echo "rpm stand-in: only -q is supported" >&2; exit 2; }
shift; missing=0
for name in "$@"; do
  version=$(awk -v n="$name" '$1 == n {print $2}' "$db")
  if [ -n "$version" ]; then echo "$name-$version-1.el7.x86_64"; else echo "package $name is not installed"; missing=$((missing + 1)); fi
done
exit $missing`;

// yum reads its repo files the way yum does: makecache and repolist fetch repomd.xml from the
// baseurl, so a repo file that points at a dead mirror fails here too.
const yum = String.raw`
db="$host_dir/state/rpms"; touch "$db"
quiet=; args=
for a in "$@"; do case "$a" in -q) quiet=1;; -y) ;; *) args="$args $a";; esac; done
set -- $args
action=$1; shift
repomd() {
  base=$(awk -v s="[$1]" '$0 == s {f=1; next} /^\[/ {f=0} f && /^baseurl=/ {sub(/^baseurl=/, ""); print; exit}' /etc/yum.repos.d/*.repo 2>/dev/null | sed 's/\$basearch/x86_64/; s/\$releasever/7/; s:/*$::')
  [ -n "$base" ] || { echo "Error: no repo named $1" >&2; return 1; }
  curl -fsS --max-time 10 -o /dev/null "$base/repodata/repomd.xml" || { echo "failure: repodata/repomd.xml from $1: [Errno 14] HTTP Error 404 - Not Found" >&2; return 1; }
}
record() {
  spec=$1
  case "$spec" in
    *-[0-9]*) name=$(printf '%s' "$spec" | sed -E 's/-[0-9][^-]*$//'); version=$(printf '%s' "$spec" | sed -E 's/.*-([0-9][^-]*)$/\1/');;
    *) name=$spec; version=1.0;;
  esac
  grep -v "^$name " "$db" > "$db.new"; echo "$name $version" >> "$db.new"; mv "$db.new" "$db"
  [ -n "$quiet" ] || echo "  Installing : $name-$version-1.el7.x86_64"
  if [ "$name" = docker-ce-cli ]; then ln -sf "$host_dir/stand-ins/docker" /usr/bin/docker; fi
}
case "$action" in
  clean) exit 0;;
  makecache) repomd base;;
  repolist) for r in "$@"; do repomd "$r" || exit 1; echo "$r   Extra Packages for Enterprise Linux 7   13,791"; done;;
  check-update) for p in "$@"; do grep -q "^$p " "$db" || exit 100; done; exit 0;;
  install|update)
    [ $# -gt 0 ] || { echo "No packages marked for update"; exit 0; }
    repomd base || exit 1
    for p in "$@"; do record "$p"; done
    echo "Complete!";;
  remove|erase)
    for p in "$@"; do
      grep -q "^$p " "$db" || { echo "No Match for argument: $p"; continue; }
      grep -v "^$p " "$db" > "$db.new"; mv "$db.new" "$db"
      [ -n "$quiet" ] || echo "  Erasing    : $p"
      if [ "$p" = docker-ce-cli ]; then rm -f /usr/bin/docker; fi
    done
    echo "Complete!";;
  *) echo "yum stand-in: $action is not supported" >&2; exit 2;;
esac`;

// A small systemd: unit files under /etc/systemd/system are really started (Environment,
// ExecStartPre with its "-" prefix, ExecStart in its own session); units without a file only
// change state. is-active asks whether the started process still lives.
const systemctl = String.raw`
units="$host_dir/state/units"; mkdir -p "$units"
quiet=; now=; names=
action=$1; shift
for a in "$@"; do case "$a" in --quiet|-q) quiet=1;; --now) now=1;; -*) ;; *) case "$a" in *.*) names="$names $a";; *) names="$names $a.service";; esac;; esac; done
alive() { [ -f "$units/$1.pid" ] && kill -0 "$(cat "$units/$1.pid")" 2>/dev/null; }
active() { alive "$1" || { [ ! -f "/etc/systemd/system/$1" ] && [ -f "$units/$1.active" ]; }; }
start() {
  active "$1" && return 0
  file="/etc/systemd/system/$1"
  if [ ! -f "$file" ]; then
    case "$1" in docker.service|chronyd.service|firewalld.service) touch "$units/$1.active"; return 0;; esac
    echo "Failed to start $1: Unit not found." >&2; return 5
  fi
  env_args=$(sed -n 's/^Environment=//p' "$file" | tr '\n' ' ')
  sed -n 's/^ExecStartPre=//p' "$file" | while IFS= read -r line; do
    line=$(printf '%s' "$line" | sed -E "s/^(')?-/\1/")
    env $env_args sh -c "$line" >> "$units/$1.log" 2>&1 < /dev/null || true
  done
  line=$(sed -n 's/^ExecStart=//p' "$file")
  setsid env $env_args sh -c "exec $line" >> "$units/$1.log" 2>&1 < /dev/null &
  echo $! > "$units/$1.pid"
}
stop() {
  if [ -f "$units/$1.pid" ]; then kill -TERM -- "-$(cat "$units/$1.pid")" 2>/dev/null; kill -TERM "$(cat "$units/$1.pid")" 2>/dev/null; rm -f "$units/$1.pid"; fi
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

// `--` ends docker's options as spf13/pflag reads it (flag.go: "--" terminates the flags); the image follows.
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
    # Containers live while their run process does: \`ps -a --filter name=X --format '{{.Names}}'\` lists them.
    daemon; filter=$(printf '%s\n' "$@" | sed -n 's/^name=//p')
    touch "$state/containers"
    while read -r name pid; do kill -0 "$pid" 2>/dev/null && case "$name" in *"$filter"*) echo "$name";; esac; done < "$state/containers";;
  stop) daemon; echo "$2";;
  run)
    daemon; shift; image=; name=
    while [ $# -gt 0 ]; do case "$1" in --) image=$2; break;; --rm|--net=*|-d) shift;; --name) name=$2; shift 2;; -e) shift 2;; *) image=$1; break;; esac; done
    grep -qxF "$image" "$state/images" || { echo "Unable to find image '$image' locally" >&2; exit 125; }
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

/** The stand-ins a lab install needs on a test host, by program name. */
export function labStandIns(): Record<string, string> {
	return {rpm, yum, systemctl, docker, mvn, 'firewall-cmd': firewallCmd};
}
