using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Domain;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Features.Documents;

namespace Zout.Basisondersteuning.Tests.Features.Documents;

/// <summary>The largest real framework (25 agreements) with everything ticked: the poster still fits one A3, the parent report two A4.</summary>
[Collection(Portals.Scans)]
public sealed class FullFrameworkDocumentTests(ScanPortal portal, ITestOutputHelper output) : PortalTest<ScanPortal>(portal, output)
{
    private static async Task<SchoolDocumentData> EverythingTickedAsync()
    {
        var framework = FrameworkDefinition.FromJson(await File.ReadAllTextAsync(TestFiles.Repository("docs/examples/kader-25-afspraken.json")));
        var answers = new Dictionary<string, ScanAnswer>(StringComparer.Ordinal);
        foreach (var item in framework.OfferingItems)
        {
            var key = ItemKey.Offering(item.Key);
            answers[key] = new ScanAnswer { ItemKey = key, Checked = true, Number = item.QuantityUnit is null ? null : 2, Text = item.AsksNote ? "Met een vaste methode, twee keer per week in kleine groepjes" : null };
        }

        foreach (var agreement in framework.Agreements)
        {
            answers[ItemKey.Agreement(agreement.Key)] = new ScanAnswer { ItemKey = ItemKey.Agreement(agreement.Key), Level = 3 };
        }

        var longText = string.Join(" ", Enumerable.Repeat("Wij kijken naar wat een kind nodig heeft en doen dat samen met ouders.", 6));
        foreach (var question in framework.OpenQuestions)
        {
            answers[ItemKey.Question(question.Key)] = new ScanAnswer { ItemKey = ItemKey.Question(question.Key), Text = longText };
        }

        return new SchoolDocumentData
        {
            School = new SchoolInfo(1, "99ZZ00", "Openbare Basisschool De Lange Naam van de Regenboog", "Schoolstraat 1", "1234AB", "TESTDORP", "Stichting Bestuur",
                "0301234567", "www.example.nl", 312, "Samenwerkingsverband Passend Onderwijs Utrechtse Heuvelrug", "Carla Consultant", "carla@swv.example"),
            Year = SchoolYear.For(2026),
            Framework = framework,
            Answers = answers,
            LastYearAnswers = new Dictionary<string, ScanAnswer>(),
            DevelopmentPoints = [],
        };
    }

    [Fact]
    public async Task Poster_FitsOneA3Page_AndParentReportTwoA4Pages_WithEverythingTicked()
    {
        var data = await EverythingTickedAsync();
        await using var scope = Factory.Services.CreateAsyncScope();
        var renderer = scope.ServiceProvider.GetRequiredService<DocumentRenderer>();
        var poster = DocumentCatalog.BySlug("leraarposter")!;
        var rendered = await renderer.RenderAsync(poster, data, "Leraarposter", data.School.Name, isDraft: false);
        var posterPdf = Pdfs.Read(await renderer.PdfAsync(rendered, poster.Paper, isDraft: false, CancellationToken.None));
        Assert.Single(posterPdf.Pages);

        var parent = await renderer.RenderAsync(DocumentCatalog.ParentReport, data, "Ouderrapport", data.School.Name, isDraft: false);
        var parentPdf = Pdfs.Read(await renderer.PdfAsync(parent, DocumentCatalog.ParentReport.Paper, isDraft: false, CancellationToken.None));
        Assert.InRange(parentPdf.Pages.Count, 1, 2);
    }
}
