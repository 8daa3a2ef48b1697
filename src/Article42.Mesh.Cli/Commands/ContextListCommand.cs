using System.Text.Json;
using Article42.Mesh.Cli.Contexts;

namespace Article42.Mesh.Cli.Commands;

/// <summary><c>a42 context list [--json]</c> and <c>a42 context show [NAME] [--json]</c>.</summary>
public static class ContextListCommand
{
    public static Command Create()
    {
        var json = CommonOptions.Json();
        var list = new Command("list", "The contexts, the current one marked with *.") { json };
        list.WithExamples("a42 context list", "a42 context list --json | jq -r '.contexts[].name'");
        list.SetAction(parse => CommandRunner.Run(() =>
        {
            var book = ContextFile.Load();
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonLines.Write(writer =>
                {
                    writer.WriteString("current", book.Current);
                    writer.WriteStartArray("contexts");
                    foreach (var (name, context) in book.Contexts)
                        Write(writer, name, context);
                    writer.WriteEndArray();
                }));
                return ExitCodes.Success;
            }
            var listing = new Listing("Current", "Name", "Gateways", "Description");
            foreach (var (name, context) in book.Contexts)
                listing.Add(name == book.Current ? "*" : "-", name, OrDash(string.Join(',', context.Gateways)), OrDash(context.Description));
            listing.Write();
            return ExitCodes.Success;
        }));
        return list;
    }

    public static Command Show()
    {
        var name = new Argument<string?>("name") { Description = $"The context (default: ${ContextFile.ContextVariable}, else the current one).", HelpName = "NAME", Arity = ArgumentArity.ZeroOrOne };
        var json = CommonOptions.Json();
        var show = new Command("show", "One context's values.") { name, json };
        show.WithExamples("a42 context show", "a42 context show prod --json");
        show.SetAction(parse => CommandRunner.Run(() =>
        {
            var selected = ContextFile.Selected(parse.GetValue(name))
                ?? throw new CliException(CliErrorCodes.UnknownContext, "NAME", "no context is current (a42 context use NAME, or name one)");
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonLines.Write(writer =>
                {
                    writer.WritePropertyName("context");
                    Write(writer, selected.Name, selected.Context);
                }));
                return ExitCodes.Success;
            }
            var context = selected.Context;
            var listing = new Listing("Setting", "Value")
                .Add("name", selected.Name)
                .Add("gateways", OrDash(string.Join(',', context.Gateways)))
                .Add("tls-ca", OrDash(context.TlsCa))
                .Add("tls-cert", OrDash(context.TlsCert))
                .Add("keys", OrDash(context.Keys))
                .Add("operator-key", OrDash(context.OperatorKey))
                .Add("description", OrDash(context.Description));
            listing.Write();
            return ExitCodes.Success;
        }));
        return show;
    }

    // An empty cell is '-', as in every listing, so that the columns stay aligned for cut and awk.
    private static string OrDash(string? value) => string.IsNullOrEmpty(value) ? "-" : value;

    private static void Write(Utf8JsonWriter writer, string name, MeshContext context)
    {
        writer.WriteStartObject();
        writer.WriteString("name", name);
        writer.WriteStartArray("gateways");
        foreach (var endpoint in context.Gateways)
            writer.WriteStringValue(endpoint);
        writer.WriteEndArray();
        writer.WriteString("tls_ca", context.TlsCa);
        writer.WriteString("tls_cert", context.TlsCert);
        writer.WriteString("keys", context.Keys);
        writer.WriteString("operator_key", context.OperatorKey);
        writer.WriteString("description", context.Description);
        writer.WriteEndObject();
    }
}
