global using System.Collections.Immutable;
global using System.CommandLine;
global using System.CommandLine.Parsing;
global using Article42.Mesh.Cli.Usage;
