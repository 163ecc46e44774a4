#!/bin/bash
# A stand-in for the worker in the local mode's tests: it takes the worker's environment and behaves as the test
# needs by skill (the real worker runs in worker-image's LocalRunIT). Exit codes are the worker's contract.
# Started as a standby (TRACKS_STANDBY), it takes attempts in turn as the worker does: each attempt's environment
# comes on stdin as NAME=value entries ended by NUL bytes, then an empty entry; the attempt's output goes to
# TRACKS_ATTEMPT_LOG, and its end is one line on stdout. The end of stdin ends it.

attempt() {
  case "$TRACKS_SKILL" in
    grid_system)
      # Runs until stopped: for cancel. A standby runs it in its own process, so stopping it stops the sleep.
      exec sleep 600 ;;
    stay_stats)
      # Fails transiently on the first attempt, succeeds on the next (a marker file counts the attempts).
      marker="$(dirname "$TRACKS_TERMINATION_LOG")/$TRACKS_TASK_UID.attempted"
      if [ ! -e "$marker" ]; then
        touch "$marker"
        echo "database unreachable: connection refused" > "$TRACKS_TERMINATION_LOG"
        return 75
      fi
      echo "earlier attempts: ${TRACKS_EARLIER_PROCESSED_POINTS:-none} processed, ${TRACKS_EARLIER_FAILED_POINTS:-none} failed" ;;
    footprint_stats)
      echo "params.minStays: must be at least 1" > "$TRACKS_TERMINATION_LOG"
      return 64 ;;
  esac
  echo "$TRACKS_SKILL $TRACKS_MODE $TRACKS_PARAMS done"
  return 0
}

if [ -z "$TRACKS_STANDBY" ]; then
  attempt
  exit $?
fi
served=0
while :; do
  entries=()
  while IFS= read -r -d '' entry && [ -n "$entry" ]; do
    entries+=("$entry")
  done
  [ "${#entries[@]}" -gt 0 ] || exit 0
  served=$((served + 1))
  if [ "$(printf '%s\n' "${entries[@]}" | grep -c '^TRACKS_SKILL=grid_system$')" -gt 0 ]; then
    # The long attempt replaces this process (exec), so it runs here rather than in a subshell.
    for entry in "${entries[@]}"; do export "$entry"; done
    exec >> "$TRACKS_ATTEMPT_LOG" 2>&1
    attempt
  fi
  (
    for entry in "${entries[@]}"; do export "$entry"; done
    echo "a standby: attempt $served of this process, $(( ${#entries[@]} )) variables received on stdin"
    attempt
  ) >> "$(printf '%s\n' "${entries[@]}" | sed -n 's/^TRACKS_ATTEMPT_LOG=//p')" 2>&1
  echo "tracks-worker: attempt exited with code $?"
done
