using Article42.Mesh.Hosting;

// Everything a silo is lives in Hosting; `a42 mesh up` runs the same entry point.
return await MeshSilo.RunAsync(args);
