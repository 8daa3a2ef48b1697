global using System.Collections.Immutable;
global using Article42.Mesh.Load.Systems;
global using Article42.Mesh.Protocol;
global using Orleans;
