using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Domain;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Domain.Scans.Templates;
using Zout.Basisondersteuning.Web.Features.Documents;

namespace Zout.Basisondersteuning.Tests.Features.Documents;

/// <summary>
/// Numbered lists in the PDFs: a marker of two digits ("10.", "25.") stays whole on the page. It used to stick out of
/// the list's padding into the page margin, where Chromium cut it off: the SOP showed ".0", ".1", ".2" for 10, 11, 12.
/// </summary>
[Collection(Portals.Documents)]
public sealed class OrderedListPdfTests(ScanPortal factory, ITestOutputHelper output) : PortalTest<ScanPortal>(factory, output)
{
    private static SchoolDocumentData WithTwentyFiveAgreements()
    {
        var framework = FrameworkTemplates.Load(FrameworkTemplates.Find("25-afspraken")!);
        var answers = framework.Agreements.ToDictionary(a => ItemKey.Agreement(a.Key).ToString(),
            a => new ScanAnswer { ItemKey = ItemKey.Agreement(a.Key), Level = 3 }, StringComparer.Ordinal);
        return new SchoolDocumentData
        {
            School = new SchoolInfo(1, "99ZZ00", "Basisschool De Lijst", "Schoolstraat 1", "1234AB", "TESTDORP", "Stichting Bestuur",
                null, null, 250, "Samenwerkingsverband Testregio", null, null),
            Year = SchoolYear.For(2026),
            Framework = framework,
            Answers = answers,
            LastYearAnswers = new Dictionary<string, ScanAnswer>(),
            DevelopmentPoints = [],
        };
    }

    /// <summary>Every list number "1." to "25." is a word of the PDF's text, and none starts in the page margin.</summary>
    [Theory]
    [InlineData("sop")]
    [InlineData("leraarposter")]
    public async Task Pdf_With25Agreements_HasEveryNumberWhole(string slug)
    {
        var data = WithTwentyFiveAgreements();
        var definition = DocumentCatalog.BySlug(slug)!;
        await using var scope = Factory.Services.CreateAsyncScope();
        var renderer = scope.ServiceProvider.GetRequiredService<DocumentRenderer>();
        var rendered = await renderer.RenderAsync(definition, data, definition.Title, data.School.Name, isDraft: false);
        var pdf = await renderer.PdfAsync(rendered, definition.Paper, isDraft: false, CancellationToken.None);

        var text = Pdfs.Read(pdf).Text;
        Assert.Contains("25.", text, StringComparison.Ordinal);
        Assert.Contains("10.", text, StringComparison.Ordinal);

        using var document = PdfDocument.Open(pdf);
        var words = document.GetPages().SelectMany(p => p.GetWords()).ToList();
        // Chromium prints nothing left of the page margin (ChromiumPdfRenderer: 15 mm); a glyph there is in the PDF's
        // text but cut off on paper.
        const double column = 15 / 25.4 * 72;
        for (var number = 1; number <= 25; number++)
        {
            var marker = $"{number}.";
            var found = words.Where(w => w.Text == marker).ToList();
            Assert.True(found.Count > 0, $"'{marker}' is not in the PDF text of the {slug}.");
            Assert.All(found, w => Assert.True(w.BoundingBox.Left >= column - 0.5, $"'{marker}' starts at {w.BoundingBox.Left:0.0} pt, in the page margin (up to {column:0.0} pt)."));
        }
    }
}
