#!/usr/bin/env bash
# Coverage-guided fuzzing: AFL++ drives the fuzz targets (tests/PayFunctions.FuzzTargets, the ones the CsCheck suite
# runs) through the SharpFuzz harness, each for a bounded time, from the corpus in tests/PayFunctions.FuzzTests/corpus.
# Prints per target the executions, the corpus AFL++ grew, and the crashes and hangs it saved; exits 1 on any crash.
#
#   FUZZ_SECONDS=<s>    seconds per target (default 15; hours for a real hunt)
#   FUZZ_TARGETS="a b"  which targets (default: the harness's --default-targets; it prints every name when given none)
#   FUZZ_JOBS=<n>       targets fuzzed at once (default: the number of cores)
#   FUZZ_OUT=<dir>      where the harness, AFL++'s queues and crashes go (default .fuzz/, not committed)
# A saved crash replays with: dotnet <out>/harness/PayFunctions.CoverageFuzz.dll <target> < <crash file>
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

seconds="${FUZZ_SECONDS:-15}"
jobs="${FUZZ_JOBS:-$(nproc)}"
out="$(mkdir -p "${FUZZ_OUT:-$root/.fuzz}" && cd "${FUZZ_OUT:-$root/.fuzz}" && pwd)"
corpus="$root/tests/PayFunctions.FuzzTests/corpus"
started=$SECONDS

command -v afl-fuzz >/dev/null || { echo "afl-fuzz not found: apt-get install afl++" >&2; exit 2; }
dotnet tool restore >/dev/null

# A clean publish every run: sharpfuzz refuses an assembly it has already instrumented, and the instrumented copies
# live only here, never in the bin folders the other tests load.
rm -rf "$out/harness"
dotnet publish tests/PayFunctions.CoverageFuzz -c Release -o "$out/harness" -nologo -v q
for assembly in PayFunctions.Domain PayFunctions.Core PayFunctions.Channels; do
  dotnet sharpfuzz "$out/harness/$assembly.dll" >/dev/null
done
read -r -a targets <<< "$(echo ${FUZZ_TARGETS:-$(dotnet "$out/harness/PayFunctions.CoverageFuzz.dll" --default-targets)})"

# No root-owned core_pattern or CPU governor to set up in a container, nor a TTY for the status screen; several
# fuzzers share the cores without pinning; the harness is dotnet, which AFL++ cannot see instrumented.
export AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1

fuzz() {
  local target=$1 base=${1%_signed}
  rm -rf "$out/$target" && mkdir -p "$out/$target/in"
  # A _signed target's seeds are its channel's payloads; its regressions are its own.
  [ "$base" = "$target" ] || cp "$corpus/$base"/seed-* "$out/$target/in/" 2>/dev/null || true
  cp "$corpus/$target"/* "$out/$target/in/" 2>/dev/null || true
  if [ -z "$(ls -A "$out/$target/in")" ]; then
    echo "$target: no corpus in $corpus" >&2
    return 1
  fi
  # The first input of a process also opens the target (keys, certificates) and compiles it: seconds on a busy
  # machine, and AFL++ gives up when its only seed times out.
  afl-fuzz -i "$out/$target/in" -o "$out/$target/out" -V "$seconds" -t 20000 -m none \
    -- dotnet "$out/harness/PayFunctions.CoverageFuzz.dll" "$target" > "$out/$target/afl.log" 2>&1 \
    || { echo "$target: afl-fuzz failed, see $out/$target/afl.log" >&2; tail -n 20 "$out/$target/afl.log" >&2; return 1; }
}

failed=0
running=0
for target in "${targets[@]}"; do
  fuzz "$target" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then
    wait -n || failed=1
    running=$((running - 1))
  fi
done
while [ "$running" -gt 0 ]; do
  wait -n || failed=1
  running=$((running - 1))
done

stat() { awk -F' *: *' -v key="$2" '$1 == key { print $2 }' "$1"; }
crashes=0
printf '%-34s %10s %8s %8s %6s\n' target execs_done corpus crashes hangs
for target in "${targets[@]}"; do
  stats="$out/$target/out/default/fuzzer_stats"
  if [ ! -f "$stats" ]; then
    printf '%-34s %s\n' "$target" "no fuzzer_stats"
    failed=1
    continue
  fi
  saved=$(stat "$stats" saved_crashes)
  printf '%-34s %10s %8s %8s %6s\n' "$target" "$(stat "$stats" execs_done)" "$(stat "$stats" corpus_count)" "$saved" "$(stat "$stats" saved_hangs)"
  if [ "${saved:-0}" -gt 0 ]; then
    crashes=$((crashes + saved))
    ls "$out/$target/out/default/crashes"/id:* | sed 's/^/  crash: /'
  fi
done
echo "fuzz-coverage: ${#targets[@]} targets, ${seconds} s each, $((SECONDS - started)) s in all, $crashes crashes"
[ "$crashes" -eq 0 ] && [ "$failed" -eq 0 ]
