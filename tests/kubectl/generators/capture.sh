#!/usr/bin/env bash
# Regenerates golden/<case>.{json,yaml,err} for the generator tests from the real kubectl (v1.32.4):
# each line of golden/cases.txt is run from golden/fixtures with --dry-run=client -o json and -o yaml,
# against fake-apiserver.mjs (discovery + canned objects) so that run/expose/--from work offline.
# Usage: tests/kubectl/generators/capture.sh   (needs kubectl and node on the PATH)
set -u
here="$(cd "$(dirname "$0")" && pwd)"
golden="$here/golden"
port="${FAKE_APISERVER_PORT:-18089}"
kubectl version --client 2>/dev/null | grep -q 'v1.32' || echo "warning: kubectl is not v1.32" >&2

node "$here/fake-apiserver.mjs" "$port" "$golden/fixtures" &
server=$!
trap 'kill "$server"' EXIT
sleep 1

cd "$golden/fixtures"
while IFS=$'\t' read -r name args; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  eval "set -- $args"
  before=(); after=(); seen=0
  for a in "$@"; do
    if [[ $seen == 0 && "$a" == "--" ]]; then seen=1; continue; fi
    if [[ $seen == 0 ]]; then before+=("$a"); else after+=("$a"); fi
  done
  rm -f "$golden/$name.json" "$golden/$name.yaml" "$golden/$name.err"
  for fmt in json yaml; do
    if [[ $seen == 1 ]]; then
      kubectl -s "http://127.0.0.1:$port" "${before[@]}" --dry-run=client -o "$fmt" -- "${after[@]}" \
        >"$golden/$name.$fmt" 2>"$golden/$name.err"
    else
      kubectl -s "http://127.0.0.1:$port" "${before[@]}" --dry-run=client -o "$fmt" \
        >"$golden/$name.$fmt" 2>"$golden/$name.err"
    fi
  done
  # Keep only what applies: output for successes, stderr for failures.
  if [[ -s "$golden/$name.err" ]]; then rm -f "$golden/$name.json" "$golden/$name.yaml"; else rm -f "$golden/$name.err"; fi
  # klog lines carry a timestamp and pid; keep just the message part.
  [[ -f "$golden/$name.err" ]] && sed -i -E 's/^E[0-9]{4} [0-9:.]+ +[0-9]+ /E0000 00:00:00.000000       0 /' "$golden/$name.err"
done <"$golden/cases.txt"
