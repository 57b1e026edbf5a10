using Zout.Basisondersteuning.BrowserTests.Infrastructure;

namespace Zout.Basisondersteuning.BrowserTests.Accessibility;

/// <summary>
/// Non-text contrast (WCAG 1.4.11), which axe does not check: the border of every form control stands out
/// at least 3:1 against what is behind it, so people see where to type or click.
/// </summary>
public sealed class ContrastTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private static readonly string[] Sections = ["domein-basiskwaliteit", "aanbod", "financien", "kengetallen"];

    private const string LowContrastControls = """
        () => {
          const rgb = c => { const m = c.match(/[\d.]+/g); return m ? m.slice(0, 4).map(Number) : [0, 0, 0, 0]; };
          const lum = ([r, g, b]) => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
                                      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
          const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
          const background = e => { for (let n = e.parentElement; n; n = n.parentElement) {
                                      const c = rgb(getComputedStyle(n).backgroundColor); if (c.length < 4 || c[3] > 0) return c; }
                                    return [255, 255, 255]; };
          const bad = []; let checked = 0;
          for (const e of document.querySelectorAll('main input:not([type=hidden]), main select, main textarea')) {
            const s = getComputedStyle(e);
            if (e.offsetParent === null || s.appearance !== 'none' && (e.type === 'checkbox' || e.type === 'radio')) continue;
            checked++;
            const width = parseFloat(s.borderTopWidth);
            const r = ratio(rgb(s.borderTopColor), background(e));
            if (width < 1 || r < 3) bad.push(`${e.id || e.name}: border ${s.borderTopColor} ${width}px, contrast ${r.toFixed(2)}`);
          }
          return checked === 0 ? ['no form controls found'] : bad;
        }
        """;

    [Theory]
    [InlineData("/account/inloggen", null)]
    [InlineData("/overzicht/scholen", Demo.Admin)]
    [InlineData("/school/" + Demo.SchoolCode + "/ontwikkelpunten/nieuw", Demo.School)]
    public Task FormControls_HaveBordersWithEnoughContrast(string path, string? user) =>
        InBrowserAsync(async page =>
        {
            await page.GotoAsync(path);
            var bad = await page.EvaluateAsync<string[]>(LowContrastControls);
            Assert.True(bad.Length == 0, string.Join('\n', bad));
        }, user: user);

    [Fact]
    public Task ScanSectionControls_HaveBordersWithEnoughContrast() =>
        InBrowserAsync(async page =>
        {
            foreach (var section in Sections)
            {
                await page.GotoAsync(Demo.ScanPath(Demo.SchoolCode) + "/sectie/" + section);
                var bad = await page.EvaluateAsync<string[]>(LowContrastControls);
                Assert.True(bad.Length == 0, section + ":\n" + string.Join('\n', bad));
            }
        }, user: Demo.School);
}
