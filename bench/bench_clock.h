/* Clocks and memory figures shared by the benchmark programs. */
#ifndef DYAD_BENCH_CLOCK_H
#define DYAD_BENCH_CLOCK_H

#include <sys/resource.h>
#include <time.h>

/* Seconds on clock id (CLOCK_MONOTONIC, CLOCK_THREAD_CPUTIME_ID, ...). */
static inline double bench_clock(clockid_t id)
{
	struct timespec ts;
	clock_gettime(id, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Wall-clock seconds. */
static inline double bench_now(void)
{
	return bench_clock(CLOCK_MONOTONIC);
}

/* CPU seconds of the whole process, every thread, user and system. */
static inline double bench_cpu(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
	       (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
}

/* Peak resident memory of the process so far, in KiB. */
static inline long bench_peak_kb(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

#endif
