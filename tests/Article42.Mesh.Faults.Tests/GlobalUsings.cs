global using Article42.Mesh.Faults.Checking;
global using Article42.Mesh.Faults.History;
global using Article42.Mesh.Protocol;
