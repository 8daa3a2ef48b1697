using Article42.Mesh.Faults.Runs;

return await FaultsCommand.RunAsync(args);
