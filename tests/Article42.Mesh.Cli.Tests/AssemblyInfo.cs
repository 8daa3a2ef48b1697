// The CLI tests check POSIX file modes of private keys; the project is built and run on Linux.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
