// Real silo processes, PostgreSQL and Redis on a 2-core machine: one test at a time inside this module.
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]

// SIGKILL, SIGSTOP and SIGCONT: the project is built and run on Linux.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
