using System.Xml.Linq;
using Zout.Basisondersteuning.Web.Features.Dashboards;

namespace Zout.Basisondersteuning.Tests.Features.Dashboards;

/// <summary>
/// The small multiples' SVG, written in one string (<see cref="SmallMultiplesSvg"/>): every chart keeps its scale, its
/// points, its first and last year and value, and a title a screen reader reads; how it draws is in the stylesheet.
/// </summary>
public sealed class SmallMultiplesSvgTests
{
    private static readonly string[] Years = ["2022-2023", "2023-2024", "2024-2025", "2025-2026", "2026-2027"];

    private static XElement Chart(params double?[] values)
    {
        var model = new SmallMultiples("afspraken-trend", "Afspraken", Years, [new SmallChart("1. Ons team <werkt> planmatig & cyclisch", values)], 1, 4, Levels: true);
        // Well-formed XML as well as HTML: every element closed, every text encoded.
        return XElement.Parse(SmallMultiplesSvg.Chart(model, 0));
    }

    private static string[] Texts(XElement svg, string css) =>
        svg.Elements("text").Where(t => (string?)t.Attribute("class") == css).Select(t => t.Value).ToArray();

    [Fact]
    public void ALevelChart_HasItsScaleItsPointsAndItsFirstAndLastValue()
    {
        var svg = Chart(2.94, 3.0, 3.1, 3.2, 3.3);

        Assert.Equal("afspraken-trend-0-titel", (string?)svg.Attribute("aria-labelledby"));
        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal("1. Ons team <werkt> planmatig & cyclisch: van 2,9 in 2022-2023 naar 3,3 in 2026-2027.", svg.Element("title")!.Value);
        // One line per level of the scale (1 to 4), drawn as one path, and its numbers.
        var scale = Assert.Single(svg.Elements("path"));
        Assert.Equal("zb-multiples__scale", (string?)scale.Attribute("class"));
        Assert.Equal(4, ((string)scale.Attribute("d")!).Count(c => c == 'M'));
        Assert.Equal(["1", "2", "3", "4", "2022-2023", "2026-2027"], Texts(svg, "zb-multiples__axis"));
        Assert.Equal(5, svg.Elements("circle").Count());
        Assert.Equal(5, ((string)svg.Element("polyline")!.Attribute("points")!).Split(' ').Length);
        Assert.Equal(["2,9", "3,3"], Texts(svg, "zb-multiples__value"));
    }

    [Fact]
    public void AChartWithGaps_DrawsOnlyTheYearsWithAValue()
    {
        var svg = Chart(null, null, null, null, 3.25);

        Assert.Single(svg.Elements("circle"));
        Assert.Null(svg.Element("polyline"));
        var value = Assert.Single(svg.Elements("text"), t => (string?)t.Attribute("class") == "zb-multiples__value");
        Assert.Equal("3,3", value.Value);
        Assert.Equal("middle", (string?)value.Attribute("text-anchor"));
        Assert.Equal("1. Ons team <werkt> planmatig & cyclisch: 3,3 in 2026-2027.", svg.Element("title")!.Value);
    }

    [Fact]
    public void AChartWithoutValues_SaysSo()
    {
        var svg = Chart(null, null, null, null, null);

        Assert.Empty(svg.Elements("circle"));
        Assert.Contains("geen gegevens", Texts(svg, "zb-multiples__axis"));
        Assert.Equal("1. Ons team <werkt> planmatig & cyclisch: geen gegevens.", svg.Element("title")!.Value);
    }
}
