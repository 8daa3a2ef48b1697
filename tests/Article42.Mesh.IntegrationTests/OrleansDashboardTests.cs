using System.Text.RegularExpressions;

namespace Article42.Mesh.IntegrationTests;

public sealed class OrleansDashboardTests
{
    [Fact]
    public async Task The_Orleans_Dashboard_page_rendered_in_headless_Chromium_lists_the_silo_as_active()
    {
        using var home = new TempHome();
        using var http = OperatorHttp.Client();
        var ports = SiloPorts.Free();
        await using var silo = SiloProcess.Start("embedded silo", "Article42.Mesh.Silo.dll", home.Path, ports.Flags());
        await silo.ReadyAsync();
        Assert.Equal(ports.Url("/dashboard").ToString(), await silo.LineAsync("dashboard"));
        var page = ports.Url("/dashboard/#/silos");
        // A browser gets the operator token as HTTP Basic (it would prompt for it; here it is in the address): Chromium
        // keeps it for the page's own requests to the dashboard's API.
        var withCredential = new UriBuilder(page) { UserName = "operator", Password = OperatorHttp.Token }.Uri;
        // The page as served is a shell: the silo appears only once its scripts have fetched the cluster's state.
        Assert.DoesNotMatch(ActiveSilo(ports.Silo), await http.GetStringAsync(page, TestContext.Current.CancellationToken));

        var dom = "";
        await Deadline.UntilAsync(async () => ActiveSilo(ports.Silo).IsMatch(dom = await HeadlessChromium.DumpDomAsync(withCredential, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(60))),
            TimeSpan.FromSeconds(120), $"the silo 127.0.0.1:{ports.Silo} listed as active in the dashboard Chromium rendered");
        Assert.Contains("<title>Orleans Dashboard</title>", dom, StringComparison.Ordinal);
        await silo.TerminateAsync();
    }

    // The silos page: a link to the silo's own page, named by its endpoint and generation, then its status.
    private static Regex ActiveSilo(int port) =>
        new($$"""<a href="#/host/127\.0\.0\.1:{{port}}@\d+">127\.0\.0\.1:{{port}}@\d+</a>(?:(?!</a>).){0,120}>Active<""");
}
