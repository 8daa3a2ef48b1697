using System.Globalization;
using System.Xml.Linq;

namespace Article42.Mesh.Exercises;

/// <summary>Small builders for inline SVG; numbers are written invariantly with at most one decimal.</summary>
internal static class Svg
{
    public static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    public static XElement Root(string chart, string title, double width, double height, params object[] content) =>
        new(Ns + "svg",
            new XAttribute("data-chart", chart), new XAttribute("role", "img"), new XAttribute("width", N(width)), new XAttribute("height", N(height)),
            new XAttribute("viewBox", $"0 0 {N(width)} {N(height)}"),
            new XElement(Ns + "title", title), content);

    public static XElement Rect(double x, double y, double w, double h, string css, string? tip = null) =>
        new(Ns + "rect", new XAttribute("x", N(x)), new XAttribute("y", N(y)), new XAttribute("width", N(Math.Max(0, w))), new XAttribute("height", N(h)),
            new XAttribute("class", css), tip is null ? null : new XElement(Ns + "title", tip));

    public static XElement Circle(double x, double y, double r, string css, string tip) =>
        new(Ns + "circle", new XAttribute("cx", N(x)), new XAttribute("cy", N(y)), new XAttribute("r", N(r)), new XAttribute("class", css), new XElement(Ns + "title", tip));

    public static XElement Line(double x1, double y1, double x2, double y2, string css) =>
        new(Ns + "line", new XAttribute("x1", N(x1)), new XAttribute("y1", N(y1)), new XAttribute("x2", N(x2)), new XAttribute("y2", N(y2)), new XAttribute("class", css));

    public static XElement Text(double x, double y, string text, string css = "label", string anchor = "start") =>
        new(Ns + "text", new XAttribute("x", N(x)), new XAttribute("y", N(y)), new XAttribute("class", css), new XAttribute("text-anchor", anchor), text);

    public static XElement Path(IEnumerable<(double X, double Y)> points, string css, string tip) =>
        new(Ns + "path", new XAttribute("d", string.Join(" ", points.Select((p, i) => $"{(i == 0 ? "M" : "L")}{N(p.X)},{N(p.Y)}"))),
            new XAttribute("class", css), new XElement(Ns + "title", tip));

    /// <summary>A time axis from 0 to <paramref name="endex"/> seconds with a tick every half hour (or hour).</summary>
    public static IEnumerable<XElement> TimeAxis(double left, double width, double y, long endex)
    {
        var step = endex > 4 * 3600 ? 3600 : 1800;
        for (long t = 0; t <= endex; t += step)
        {
            var x = left + width * t / Math.Max(1, endex);
            yield return Line(x, y, x, y + 4, "axis");
            yield return Text(x, y + 16, Fmt.T(t), "tick", "middle");
        }
    }

    public static string N(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);
}
