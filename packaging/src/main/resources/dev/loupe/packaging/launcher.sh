#!/bin/sh
# Loupe's launcher on Linux, written into the app-image by AppImageBuilder in place of jpackage's:
# that one asks dpkg and rpm which package owns it on every start (0.4-0.5 s before Java starts).
# It runs the image's own runtime on Loupe's jars with a class-data archive that fits them:
#   - lib/app/loupe.jsa, made by the build, while the image sits where it was built;
#   - else this user's, made when the first window of this version at this place closes, under
#     ${XDG_CACHE_HOME:-~/.cache}/loupe/ (the JVM takes an archive only for jars at the paths it
#     was made with, so an installed image needs its own).
# LOUPE_JAVA_OPTIONS adds the user's options (a larger heap: LOUPE_JAVA_OPTIONS=-Xmx16g).
self=$(readlink -f "$0")
lib=$(dirname "$(dirname "$self")")/lib
java="$lib/runtime/bin/java"
version="@VERSION@"

# whether the arguments open the window: no command, or gui, after the global options
opens_window() {
  while [ $# -gt 0 ]; do
    case "$1" in
      --workspace) [ $# -ge 2 ] || return 0; shift 2 ;;
      --workspace=*|--json|--debug) shift ;;
      gui) return 0 ;;
      *) return 1 ;;
    esac
  done
  return 0
}
window=no
if opens_window "$@"; then window=yes; fi

set -- @JAVA_OPTIONS@ -cp "@CLASSPATH@" dev.loupe.app.Main "$@"
if [ -n "$LOUPE_JAVA_OPTIONS" ]; then
  # shellcheck disable=SC2086 # the user's options, one per word
  set -- $LOUPE_JAVA_OPTIONS "$@"
fi

if [ "$lib" = "@BUILT_AT@" ] && [ -f "$lib/app/loupe.jsa" ]; then
  exec "$java" "-XX:SharedArchiveFile=$lib/app/loupe.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off "$@"
fi
cache="${XDG_CACHE_HOME:-$HOME/.cache}/loupe"
archive="$cache/loupe-$version-$(printf '%s' "$lib" | cksum | cut -d' ' -f1).jsa"
if [ -f "$archive" ] && [ "$archive" -nt "$lib/app/loupe.jar" ]; then
  exec "$java" "-XX:SharedArchiveFile=$archive" -Xlog:cds=off -Xlog:cds+dynamic=off "$@"
fi
if [ "$window" = yes ] && mkdir -p "$cache" 2>/dev/null; then
  # the first window start: the JVM writes the classes it loaded when it exits
  partial="$archive.$$"
  "$java" "-XX:ArchiveClassesAtExit=$partial" -Xlog:cds=off -Xlog:cds+dynamic=off "$@"
  status=$?
  if [ "$status" -eq 0 ] && [ -s "$partial" ]; then mv -f "$partial" "$archive"; else rm -f "$partial"; fi
  exit $status
fi
exec "$java" "$@"
