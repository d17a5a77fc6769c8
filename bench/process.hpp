// Running and watching other processes for the benchmark: wall time, CPU time,
// peak RSS, and /proc sampling of a long-running one.
#pragma once

#include <string>
#include <utility>
#include <sys/types.h>
#include <vector>

namespace bench {

struct RunResult {
    bool started = false;
    int exit_code = -1;   // 128 + signal when killed by one
    double wall_ms = 0;   // fork → reaped
    double cpu_ms = 0;    // user + system of the child and what it waited for
    long max_rss_kb = 0;  // valid only while this process itself stays small (see run())
    std::string output;   // stdout and stderr together
    bool ok() const { return started && exit_code == 0; }
    std::string first_line() const;
};

// Runs argv[0] (searched in PATH) to completion. Linux gives a child the peak
// RSS of the process that spawned it, so the benchmark does its heavy work in
// child processes and keeps itself small.
RunResult run(const std::vector<std::string>& argv);

// Environment variables set for a child on top of this process's own.
using Env = std::vector<std::pair<std::string, std::string>>;

// A process left running (the dashboard, for idle CPU): stdout/stderr go to /dev/null.
pid_t spawn(const std::vector<std::string>& argv, const Env& env = {});
// Starts argv and returns the milliseconds from the fork until a line of its
// stdout starts with `line` (-1 when it exits or `timeout_ms` passes first);
// then stops it.
double time_until_line(const std::vector<std::string>& argv, const Env& env, const std::string& line, double timeout_ms);
bool alive(pid_t pid);
double cpu_seconds(pid_t pid);  // utime + stime from /proc/PID/stat; < 0 when gone
long peak_rss_kb(pid_t pid);    // VmHWM from /proc/PID/status; 0 when gone
void stop(pid_t pid);           // SIGTERM, then SIGKILL after 2 s; reaps it

double now_ms();  // monotonic

}  // namespace bench
