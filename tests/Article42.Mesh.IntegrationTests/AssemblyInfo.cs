// Real silo processes on a 2-core machine: one test at a time inside this module.
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]

// SIGTERM, kill -9 and file modes: the project is built and run on Linux.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
