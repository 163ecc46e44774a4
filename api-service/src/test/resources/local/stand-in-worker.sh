#!/bin/bash
# A stand-in for the worker in the local mode's tests: it takes the worker's environment and behaves as the test
# needs by skill (the real worker runs in worker-image's LocalRunIT). Exit codes are the worker's contract.
# Started as a standby (TRACKS_STANDBY), it first reads its environment from stdin as the worker does: NAME=value
# entries, each ended by a NUL byte, until the end of the input.
if [ -n "$TRACKS_STANDBY" ]; then
  received=0
  while IFS= read -r -d '' entry; do
    export "$entry"
    received=$((received + 1))
  done
  [ "$received" -gt 0 ] || exit 64
  echo "a standby: received $received variables on stdin"
fi
case "$TRACKS_SKILL" in
  grid_system)
    # Runs until stopped: for cancel.
    exec sleep 600 ;;
  stay_stats)
    # Fails transiently on the first attempt, succeeds on the next (a marker file counts the attempts).
    marker="$(dirname "$TRACKS_TERMINATION_LOG")/$TRACKS_TASK_UID.attempted"
    if [ ! -e "$marker" ]; then
      touch "$marker"
      echo "database unreachable: connection refused" > "$TRACKS_TERMINATION_LOG"
      exit 75
    fi
    echo "earlier attempts: ${TRACKS_EARLIER_PROCESSED_POINTS:-none} processed, ${TRACKS_EARLIER_FAILED_POINTS:-none} failed" ;;
  footprint_stats)
    echo "params.minStays: must be at least 1" > "$TRACKS_TERMINATION_LOG"
    exit 64 ;;
esac
echo "$TRACKS_SKILL $TRACKS_MODE $TRACKS_PARAMS done"
exit 0
