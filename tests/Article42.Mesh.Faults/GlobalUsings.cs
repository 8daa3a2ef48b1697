global using System.Collections.Immutable;
global using Article42.Mesh.Protocol;
global using Article42.Mesh.TestKit;
