#!/usr/bin/env bash
# End-to-end in a real terminal: the release binary runs in tmux; the script walks
# home → lesson → quiz → body map, resizes the window to its smallest and back, quits
# with Ctrl-C, and checks the screen (capture-pane), the terminal afterwards, and the
# saved progress file.
#
#   tests/e2e/run.sh            (needs tmux and python3; builds nothing: run
#                                `cargo build --release` first, or set BIN)
#   tests/e2e/run.sh es         the same walk in Spanish (LANG=es_ES.UTF-8)
set -euo pipefail
cd "$(dirname "$0")/../.."

BIN=${BIN:-${CARGO_TARGET_DIR:-$PWD/target}/release/patient-tutor}
[ -x "$BIN" ] || { echo "e2e: $BIN not found: run cargo build --release" >&2; exit 1; }
command -v tmux >/dev/null || { echo "e2e: tmux is not installed" >&2; exit 1; }

export TERM=xterm-256color  # what the app is drawn for inside tmux, whatever CI has
work=$(mktemp -d)
sock="$work/tmux.sock"   # a private tmux server, so nothing else is touched
progress="$work/data/progress.toml"
t() { tmux -S "$sock" "$@"; }
cleanup() {
  t kill-server 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# The words the walk looks for, in the language it runs in (the tutor picks it from LANG).
lang=${1:-en}
case "$lang" in
  en) locale=C.UTF-8 notice="Before you start" emergency="emergency number" next="Next:"
      first="What stage 4 cancer is" key_points="Key points" lesson_of="Lesson 1 of"
      question_of="Question 1 of" question2_of="Question 2 of" verdict="Right|Not quite" body_map="Body map" ;;
  es) locale=es_ES.UTF-8 notice="Antes de empezar" emergency="número de emergencias" next="Siguiente:"
      first="Qué es el cáncer en estadio 4" key_points="Puntos clave" lesson_of="Lección 1 de"
      question_of="Pregunta 1 de" question2_of="Pregunta 2 de" verdict="Correcto|No exactamente" body_map="Mapa del cuerpo" ;;
  *) echo "e2e: no words for language '$lang'" >&2; exit 2 ;;
esac
step() { printf 'e2e (%s): %s\n' "$lang" "$*"; }

# How many lessons the built-in pack has (one a line), asked of the binary itself.
lessons=$("$BIN" --progress "$work/count/progress.toml" lessons | wc -l)

passed=0
failed=0
fail() {
  printf 'e2e: FAILED: %s\n--- screen ---\n' "$*" >&2
  t capture-pane -p -t e2e >&2 || true
  failed=$((failed + 1))
  printf '%s passed, %s failed\n' "$passed" "$failed"
  exit 1
}
ok() { passed=$((passed + 1)); }

screen() { t capture-pane -p -t e2e; }
# wait_for TEXT [SECONDS]: until the screen shows TEXT.
wait_for() {
  local deadline=$((SECONDS + ${2:-10}))
  while ! screen | grep -qF -- "$1"; do
    [ $SECONDS -lt $deadline ] || fail "waiting for '$1'"
    sleep 0.1
  done
  ok
}
# wait_re REGEX [SECONDS]: until the screen matches the extended regular expression.
wait_re() {
  local deadline=$((SECONDS + ${2:-10}))
  while ! screen | grep -qE -- "$1"; do
    [ $SECONDS -lt $deadline ] || fail "waiting for /$1/"
    sleep 0.1
  done
  ok
}
keys() { t send-keys -t e2e "$@"; }

# The app runs in a shell that reports how it ended and the terminal's modes after.
t -f /dev/null new-session -d -s e2e -x 100 -y 30 \
  "env -u LC_ALL -u LC_MESSAGES -u PATIENT_TUTOR_LANG LANG=$locale NO_COLOR=1 PATIENT_TUTOR_NOW=1800000000 TERM=xterm-256color '$BIN' --progress '$progress'; \
   echo \"ended with exit=\$?\"; stty -a | tr ' ' '\n' | grep -xE -- '-?(icanon|echo)' | tr '\n' ' '; echo; sleep 60"

step "first-run notice"
wait_for "$notice"
wait_for "$emergency"
keys Enter
step "home"
wait_for "$next $first"
wait_for "1. $first"

step "lesson"
keys Enter
wait_for "$key_points"
wait_for "$lesson_of $lessons"
keys j j j j j
keys q
wait_for "$next $first"

step "quiz"
keys s
wait_for "$question_of"
keys 1 Enter
wait_re "$verdict"
keys Enter
wait_for "$question2_of"
keys q
wait_for "$next"

step "body map"
keys m
wait_for "$body_map"
keys Tab
sleep 0.3

step "resize to the smallest window and back"
t resize-window -t e2e -x 1 -y 1
sleep 0.5
small=$(screen)
[ "$(printf '%s' "$small" | tr -d '[:space:]')" = "…" ] || [ "$(printf '%s' "$small" | tr -d '[:space:]')" = "M" ] \
  || fail "at 1x1 the screen shows '$small'"
ok
t resize-window -t e2e -x 100 -y 30
wait_for "$body_map"

step "Ctrl-C quits and saves"
keys C-c
wait_for "ended with exit=0"
# The shell prints the modes just after the exit line: wait for them, then read them.
wait_re '(^| )-?icanon -?echo'
# The terminal is back in its normal modes (raw mode would show -icanon -echo), and
# back on the normal screen (the tutor's alternate screen is gone).
screen | grep -qE '(^| )icanon echo' || fail "terminal modes not restored: $(screen | tail -3)"
ok
screen | grep -qF "$body_map" && fail "the tutor's screen is still showing after it ended"
ok
screen | grep -q "panicked" && fail "a panic"
ok

step "the progress file"
[ -f "$progress" ] || fail "no progress file"
[ "$(stat -c %a "$progress")" = 600 ] || fail "progress file mode $(stat -c %a "$progress")"
[ "$(stat -c %a "$(dirname "$progress")")" = 700 ] || fail "progress folder mode"
history="$work/data/progress.history.jsonl"
[ "$(stat -c %a "$history")" = 600 ] || fail "answer history mode $(stat -c %a "$history")"
ok
python3 - "$progress" "$history" "$lang" <<'EOF' || fail "progress file contents"
import json, sys, tomllib
whole = tomllib.load(open(sys.argv[1], "rb"))
lines = [json.loads(line) for line in open(sys.argv[2])]
# Reading places and schedules are kept per pack: English at the top of the file,
# Spanish under [packs.default-es], and each answer names a pack other than English.
pack = {"en": None, "es": "default-es"}[sys.argv[3]]
p = dict(whole, **whole["packs"][pack]) if pack else whole
if pack:
    assert "lessons" not in whole or "what-is-metastasis" not in whole["lessons"], whole
    assert all(a.get("pack") == pack for a in lines[1:]), lines
# The history starts with its header line (format, id, reset generation); answers follow.
header, answers = lines[0], lines[1:]
assert header["patient_tutor_history"] == 1 and "id" in header, header
assert p["schema"] == 1, p
assert p["notice_seen"] is True, p
assert p["last_lesson"] == "what-is-metastasis", p
assert p["lessons"]["what-is-metastasis"]["percent"] > 0, p
assert "attempts" not in p, p
assert len(answers) == 1 and answers[0]["at"] == 1800000000, answers
assert whole["history_counted"] == 1 and len(p["questions"]) == 1, p
assert p["explored_sites"], p
EOF
ok

printf '%s passed, %s failed\n' "$passed" "$failed"
