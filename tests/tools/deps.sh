#!/bin/sh
# Installs missing Debian packages with apt-get when run as root; otherwise
# prints the command to run. Usage: deps.sh [--quiet] PKG...
quiet=0
if [ "$1" = "--quiet" ]; then quiet=1; shift; fi
missing=""
for p in "$@"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = "0" ]; then
  echo "partnerval: installing missing packages:$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null 2>&1 || apt-get update
  apt-get install -y -qq --no-install-recommends $missing >/dev/null || apt-get install -y $missing
else
  [ "$quiet" = 1 ] && exit 0
  echo "partnerval: missing packages:$missing"
  echo "run as root: apt-get install -y$missing"
  exit 1
fi
