/**
 * Bash functions that ask a registry (or a Docker Hub mirror) for the manifests of images, as
 * Docker does before a pull: a mirror can answer /v2/ and still refuse images off its allow-list
 * (DaoCloud answers 403), so /v2/ alone proves nothing. A 401 is followed as the registry token
 * protocol says: an anonymous pull token from the realm its WWW-Authenticate header names, then
 * the same request again. `serves_images REGISTRY` reads `$images` (space-separated references)
 * and, when one is refused, leaves which and how in `$refused`.
 */
export const registryProbeFunctions = `accept="Accept: application/vnd.docker.distribution.manifest.v2+json, application/vnd.docker.distribution.manifest.list.v2+json, application/vnd.oci.image.index.v1+json"
manifest_code() {
  local url="\${1%/}/v2/$2/manifests/$3" headers code challenge realm service token
  headers=$(curl -sS -o /dev/null -D - -H "$accept" --max-time 10 "$url" 2>/dev/null || true)
  code=$(printf '%s\\n' "$headers" | awk 'toupper($1) ~ /^HTTP\\// {c = $2} END {print c}')
  if [ "$code" = 401 ]; then
    challenge=$(printf '%s\\n' "$headers" | tr -d '\\r' | grep -i '^www-authenticate: *bearer' | head -n 1 || true)
    realm=$(printf '%s' "$challenge" | sed -n 's/.*realm="\\([^"]*\\)".*/\\1/p')
    service=$(printf '%s' "$challenge" | sed -n 's/.*service="\\([^"]*\\)".*/\\1/p')
    if [ -n "$realm" ]; then
      token=$(curl -fsS -G --max-time 10 "$realm" --data-urlencode "service=$service" --data-urlencode "scope=repository:$2:pull" 2>/dev/null | sed -n 's/.*"token" *: *"\\([^"]*\\)".*/\\1/p' || true)
      [ -z "$token" ] || code=$(curl -sS -o /dev/null -w "%{http_code}" -H "$accept" -H "Authorization: Bearer $token" --max-time 10 "$url" 2>/dev/null || true)
    fi
  fi
  echo "\${code:-no reply}"
}
serves_images() {
  local image repository tag code
  for image in $images; do
    repository=\${image%:*} tag=\${image##*:}
    case $repository in */*) ;; *) repository=library/$repository;; esac
    code=$(manifest_code "$1" "$repository" "$tag")
    if [ "$code" != 200 ]; then refused="$image ($code)"; return 1; fi
  done
}`;
