#!/usr/bin/env python3
"""Run a command under a pseudo-terminal and script what a person (or the system)
does to it; record every byte it writes to the terminal.

    drive.py OUT COLSxROWS STEP... -- COMMAND ARGS...

Steps:
    wait:TEXT      wait (up to 15 s) until the output since the last mark contains TEXT
    send:TEXT      type TEXT (Python escapes: \\r, \\x1a, \\x03 ...)
    signal:NAME    send the signal (TERM, HUP, TSTP, CONT, ...) to the command
    resize:CxR     resize the terminal (the kernel sends SIGWINCH)
    sleep:SECONDS
    mark           later waits look only at output after this point
    clock          print "clock SECONDS", the time since the command started
    stopped        wait until the command is stopped (Ctrl-Z, SIGTSTP)
    hangup         close the terminal, as closing the window does (SIGHUP)

Writes the raw output to OUT and prints one line per mark ("mark OFFSET") and, at
the end, "exit CODE" or "killed SIGNAL", then the terminal's modes as the command
left them ("modes icanon=1 echo=1 isig=1": 1 is a normal terminal, 0 raw mode).
Exits 3 if a step timed out.
"""

import codecs
import fcntl
import os
import select
import signal
import struct
import sys
import termios
import time

TIMEOUT = 15.0


def winsize(fd, cols, rows):
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))


def main():
    args = sys.argv[1:]
    out_path, size = args[0], args[1]
    sep = args.index("--")
    steps, command = args[2:sep], args[sep + 1 :]
    cols, rows = (int(n) for n in size.split("x"))

    # Like pty.fork, but we keep the terminal's other end open to read its modes at the end.
    master, slave = os.openpty()
    winsize(slave, cols, rows)
    started = time.monotonic()
    pid = os.fork()
    if pid == 0:
        os.setsid()
        fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
        for fd in (0, 1, 2):
            os.dup2(slave, fd)
        os.close(master)
        if slave > 2:
            os.close(slave)
        os.execvp(command[0], command)

    output = bytearray()
    mark = 0
    status = None
    closed = False

    def pump(seconds):
        """Read what is there, for up to `seconds`. False once the terminal is gone."""
        nonlocal closed
        if closed:
            time.sleep(seconds)
            return False
        ready, _, _ = select.select([master], [], [], seconds)
        if ready:
            try:
                data = os.read(master, 65536)
            except OSError:
                data = b""
            if not data:
                closed = True
                return False
            output.extend(data)
        return True

    def reap(flags=os.WNOHANG):
        nonlocal status
        if status is None:
            done, st = os.waitpid(pid, flags)
            if done:
                status = st
        return status

    def fail(why):
        sys.stdout.write(f"timeout {why}\n")
        with open(out_path, "wb") as f:
            f.write(output)
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        sys.exit(3)

    for step in steps:
        verb, _, arg = step.partition(":")
        if verb == "wait":
            want = codecs.decode(arg, "unicode_escape").encode("utf-8", "surrogateescape")
            deadline = time.time() + TIMEOUT
            while want not in output[mark:]:
                if time.time() > deadline or (not pump(0.05) and reap() is not None):
                    fail(f"waiting for {arg!r}")
        elif verb == "send":
            os.write(master, codecs.decode(arg, "unicode_escape").encode("latin-1"))
        elif verb == "signal":
            os.kill(pid, getattr(signal, "SIG" + arg))
        elif verb == "resize":
            c, r = (int(n) for n in arg.split("x"))
            winsize(master, c, r)
        elif verb == "sleep":
            deadline = time.time() + float(arg)
            while time.time() < deadline:
                pump(0.02)
        elif verb == "mark":
            # Take in what is already waiting first.
            while not closed and select.select([master], [], [], 0.05)[0] and pump(0):
                pass
            mark = len(output)
            sys.stdout.write(f"mark {mark}\n")
        elif verb == "clock":
            sys.stdout.write(f"clock {time.monotonic() - started:.4f}\n")
        elif verb == "stopped":
            deadline = time.time() + TIMEOUT
            while True:
                done, st = os.waitpid(pid, os.WNOHANG | os.WUNTRACED)
                if done and os.WIFSTOPPED(st):
                    break
                if done:
                    status = st
                    fail("the command ended instead of stopping")
                if time.time() > deadline:
                    fail("waiting for the command to stop")
                pump(0.05)
        elif verb == "hangup":
            os.close(master)
            closed = True
        else:
            sys.exit(f"unknown step {step}")

    deadline = time.time() + TIMEOUT
    while reap() is None:
        if time.time() > deadline:
            fail("waiting for the command to end")
        pump(0.05)
    while not closed and select.select([master], [], [], 0.1)[0] and pump(0):
        pass
    with open(out_path, "wb") as f:
        f.write(output)
    if os.WIFEXITED(status):
        sys.stdout.write(f"exit {os.WEXITSTATUS(status)}\n")
    else:
        sys.stdout.write(f"killed {os.WTERMSIG(status)}\n")
    try:
        lflag = termios.tcgetattr(slave)[3]
    except (OSError, termios.error):
        sys.stdout.write("modes unknown (terminal closed)\n")
        return
    bit = lambda flag: int(bool(lflag & flag))
    sys.stdout.write(f"modes icanon={bit(termios.ICANON)} echo={bit(termios.ECHO)} isig={bit(termios.ISIG)}\n")


if __name__ == "__main__":
    main()
