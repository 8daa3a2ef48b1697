global using Article42.Mesh.TestKit;
