global using Article42.Mesh.Protocol;
