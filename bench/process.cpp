#include "process.hpp"

#include <cerrno>
#include <cstdio>
#include <csignal>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <poll.h>
#include <fstream>
#include <sstream>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace bench {

namespace {

std::vector<char*> c_args(const std::vector<std::string>& argv) {
    std::vector<char*> out;
    for (const auto& a : argv) out.push_back(const_cast<char*>(a.c_str()));
    out.push_back(nullptr);
    return out;
}

void set_env(const Env& env) {
    for (const auto& [name, value] : env) setenv(name.c_str(), value.c_str(), 1);
}

// Forks argv with its stdout (and, when `with_stderr`, its stderr; else
// /dev/null) on a pipe whose read end is `read_fd`. -1 when it cannot.
pid_t start_piped(const std::vector<std::string>& argv, const Env& env, bool with_stderr, int& read_fd) {
    int fds[2];
    if (argv.empty() || pipe(fds) != 0) return -1;
    auto args = c_args(argv);
    const pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        return -1;
    }
    if (pid == 0) {
        dup2(fds[1], STDOUT_FILENO);
        dup2(with_stderr ? fds[1] : open("/dev/null", O_RDWR), STDERR_FILENO);
        close(fds[0]);
        close(fds[1]);
        set_env(env);
        execvp(args[0], args.data());
        std::fprintf(stderr, "cannot run %s: %s\n", args[0], std::strerror(errno));
        _exit(127);
    }
    close(fds[1]);
    read_fd = fds[0];
    return pid;
}

int exit_code_of(int status) {
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return -1;
}

}  // namespace

double now_ms() {
    timespec t{};
    clock_gettime(CLOCK_MONOTONIC, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

std::string RunResult::first_line() const {
    const auto end = output.find('\n');
    return output.substr(0, end == std::string::npos ? output.size() : end);
}

RunResult run(const std::vector<std::string>& argv) {
    RunResult result;
    const double start = now_ms();
    int out = -1;
    const pid_t pid = start_piped(argv, {}, true, out);
    if (pid < 0) return result;
    char buffer[4096];
    for (ssize_t n; (n = read(out, buffer, sizeof buffer)) != 0;) {
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) break;
        result.output.append(buffer, static_cast<std::size_t>(n));
    }
    close(out);
    int status = 0;
    rusage usage{};
    while (wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {
    }
    result.wall_ms = now_ms() - start;
    result.started = exit_code_of(status) != 127;
    result.exit_code = exit_code_of(status);
    auto ms = [](const timeval& t) { return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_usec) / 1e3; };
    result.cpu_ms = ms(usage.ru_utime) + ms(usage.ru_stime);
    result.max_rss_kb = usage.ru_maxrss;
    return result;
}

pid_t spawn(const std::vector<std::string>& argv, const Env& env) {
    auto args = c_args(argv);
    const pid_t pid = fork();
    if (pid == 0) {
        const int null = open("/dev/null", O_RDWR);
        dup2(null, STDOUT_FILENO);
        dup2(null, STDERR_FILENO);
        set_env(env);
        execvp(args[0], args.data());
        _exit(127);
    }
    return pid;
}

double time_until_line(const std::vector<std::string>& argv, const Env& env, const std::string& line, double timeout_ms) {
    const double start = now_ms();
    int out = -1;
    const pid_t pid = start_piped(argv, env, false, out);
    if (pid < 0) return -1;
    std::string pending;
    double found = -1;
    char buffer[4096];
    while (found < 0) {
        const double left = timeout_ms - (now_ms() - start);
        if (left <= 0) break;
        pollfd p{out, POLLIN, 0};
        const int ready = poll(&p, 1, static_cast<int>(left) + 1);
        if (ready < 0 && errno == EINTR) continue;
        if (ready <= 0) break;
        const ssize_t n = read(out, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;  // the child closed its stdout: it ended
        const double at = now_ms();
        pending.append(buffer, static_cast<std::size_t>(n));
        for (std::size_t end; found < 0 && (end = pending.find('\n')) != std::string::npos; pending.erase(0, end + 1))
            if (pending.compare(0, line.size(), line) == 0) found = at - start;
    }
    kill(pid, SIGKILL);  // only its start was wanted
    while (waitpid(pid, nullptr, 0) < 0 && errno == EINTR) {
    }
    close(out);
    return found;
}

bool alive(pid_t pid) {
    int status = 0;
    return pid > 0 && waitpid(pid, &status, WNOHANG) == 0;
}

double cpu_seconds(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string text;
    if (!std::getline(in, text)) return -1;
    // Fields after the command name (which may hold spaces) start at field 3.
    const auto close_paren = text.rfind(')');
    if (close_paren == std::string::npos) return -1;
    std::istringstream fields(text.substr(close_paren + 2));
    std::string field;
    unsigned long long utime = 0, stime = 0;
    for (int i = 3; fields >> field; ++i) {
        if (i == 14) utime = std::stoull(field);
        if (i == 15) {
            stime = std::stoull(field);
            break;
        }
    }
    return static_cast<double>(utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

long peak_rss_kb(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    for (std::string line; std::getline(in, line);)
        if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
    return 0;
}

void stop(pid_t pid) {
    if (pid <= 0) return;
    kill(pid, SIGTERM);
    int status = 0;
    for (int i = 0; i < 200; ++i) {
        if (waitpid(pid, &status, WNOHANG) != 0) return;
        usleep(10000);
    }
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
}

}  // namespace bench
