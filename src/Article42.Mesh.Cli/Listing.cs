using System.Text;
using Spectre.Console;

namespace Article42.Mesh.Cli;

/// <summary>
/// A listing's rows as people and scripts each want them: Spectre's table on a terminal; into a pipe or a file, plain
/// columns separated by two spaces, one line per row, no box drawing and no cell cut short (as kubectl prints).
/// </summary>
public sealed class Listing(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public Listing Add(params string[] cells)
    {
        _rows.Add(cells);
        return this;
    }

    public void Write()
    {
        if (Console.IsOutputRedirected)
            Console.Out.Write(Plain());
        else
            AnsiConsole.Write(Styled());
    }

    public string Plain()
    {
        var widths = headers.Select((header, column) => _rows.Select(row => row[column].Length).Append(header.Length).Max()).ToArray();
        var text = new StringBuilder();
        foreach (var row in _rows.Prepend(headers))
            text.AppendLine(string.Join("  ", row.Select((cell, column) => cell.PadRight(widths[column]))).TrimEnd());
        return text.ToString();
    }

    private Table Styled()
    {
        var table = new Table().AddColumns(headers);
        foreach (var row in _rows)
            table.AddRow([.. row.Select(Markup.Escape)]);
        return table;
    }
}
