using Article42.Mesh.Grains;
using Article42.Mesh.Hosting.Configuration;

namespace Article42.Mesh.Hosting;

/// <summary>What a silo is started with once its settings are checked: the registry, the operator key, the open journal, the cluster secret.</summary>
public sealed record MeshStart(MeshSettings Settings, ParticipantRegistry Registry, OperatorKey OperatorKey, IMessageJournal Journal, string ClusterSecret);
