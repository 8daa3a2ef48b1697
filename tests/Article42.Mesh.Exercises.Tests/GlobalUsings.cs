global using Article42.Mesh.Protocol;
global using Xunit;
