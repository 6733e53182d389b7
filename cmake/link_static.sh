#!/usr/bin/env bash
# RULE_LAUNCH_LINK for onggi-runtime and onggi-shim: the link line CMake made, with libseccomp and libcap taken
# from their static archives and -static added, so the binary needs no dynamic loader. Every
# `run`/`create`/`exec` executes the runtime twice (the sealed memfd re-exec of CVE-2019-5736);
# the loader's relocations cost about 2.5 ms of CPU per exec on the dev hosts (bench/start).
# Without the archives the command runs unchanged (a dynamic binary).
args=()
static=1
for a in "$@"; do
  case "$a" in
    */libseccomp.so|*/libcap.so|*/libnl-3.so|*/libnl-route-3.so)
      if [ -f "${a%.so}.a" ]; then a="${a%.so}.a"; else static=0; fi ;;
  esac
  args+=("$a")
done
if [ "$static" = 1 ]; then
  # -static goes right after the compiler driver.
  exec "${args[0]}" -static "${args[@]:1}"
fi
exec "$@"
