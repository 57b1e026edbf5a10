using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Domain;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Domain.Scans.Templates;
using Zout.Basisondersteuning.Web.Features.Documents;

namespace Zout.Basisondersteuning.Tests.Features.Documents;

/// <summary>
/// The documents of a school whose year started from a template, with everything ticked and answered: the poster
/// still fits one A3 and the SOP lists the agreements ter kennisgeving without the school's score.
/// </summary>
[Collection(Portals.Documents)]
public sealed class TemplateDocumentTests(ScanPortal factory, ITestOutputHelper output) : PortalTest<ScanPortal>(factory, output)
{
    public static TheoryData<string> TemplateIds() => new(FrameworkTemplates.All.Select(t => t.Id));

    private static SchoolDocumentData EverythingAnswered(FrameworkDefinition framework)
    {
        var answers = new Dictionary<string, ScanAnswer>(StringComparer.Ordinal);
        foreach (var item in framework.OfferingItems)
        {
            var key = ItemKey.Offering(item.Key);
            answers[key] = new ScanAnswer { ItemKey = key, Checked = true, Number = item.QuantityUnit is null ? null : 2, Text = item.AsksNote ? "Met een vaste methode, twee keer per week in kleine groepjes" : null };
        }

        foreach (var agreement in framework.Agreements)
        {
            answers[ItemKey.Agreement(agreement.Key)] = new ScanAnswer { ItemKey = ItemKey.Agreement(agreement.Key), Level = 4 };
        }

        var text = string.Join(" ", Enumerable.Repeat("Wij kijken naar wat een kind nodig heeft en doen dat samen met ouders.", 4));
        foreach (var question in framework.OpenQuestions)
        {
            answers[ItemKey.Question(question.Key)] = new ScanAnswer { ItemKey = ItemKey.Question(question.Key), Text = text };
        }

        return new SchoolDocumentData
        {
            School = new SchoolInfo(1, "99ZZ00", "Openbare Basisschool De Lange Naam van de Regenboog", "Schoolstraat 1", "1234AB", "TESTDORP", "Stichting Bestuur",
                "0301234567", "www.example.nl", 312, "Samenwerkingsverband Passend Onderwijs", "Carla Consultant", "carla@swv.example"),
            Year = SchoolYear.For(2026),
            Framework = framework,
            Answers = answers,
            LastYearAnswers = new Dictionary<string, ScanAnswer>(),
            DevelopmentPoints = [],
            Partnership = new PartnershipContact("Samenwerkingsverband Passend Onderwijs", "030 123 40 00", "info@swv.example", "https://www.swv.example"),
        };
    }

    [Theory]
    [MemberData(nameof(TemplateIds))]
    public async Task Poster_FitsOneA3Page_AndSopHidesTheScoresOfAgreementsTerKennisgeving(string id)
    {
        var framework = FrameworkTemplates.Load(FrameworkTemplates.Find(id)!);
        var data = EverythingAnswered(framework);
        await using var scope = Factory.Services.CreateAsyncScope();
        var renderer = scope.ServiceProvider.GetRequiredService<DocumentRenderer>();

        var poster = DocumentCatalog.BySlug("leraarposter")!;
        var rendered = await renderer.RenderAsync(poster, data, poster.Title, data.School.Name, isDraft: false);
        Assert.Single(Pdfs.Read(await renderer.PdfAsync(rendered, poster.Paper, isDraft: false, CancellationToken.None)).Pages);

        var sop = await renderer.RenderAsync(DocumentCatalog.SupportProfile, data, "SOP", data.School.Name, isDraft: false);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(sop.ContentHtml);
        var items = page.QuerySelectorAll("[data-testid='sop-agreement']").ToList();
        Assert.Equal(framework.Agreements.Count, items.Count);
        foreach (var (agreement, item) in framework.Agreements.OrderBy(a => a.Number).Zip(items))
        {
            Assert.Equal(agreement.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), item.GetAttribute("value"));
            Assert.Equal(agreement.ShowScoreInSop, item.TextContent.Contains("Zo staan wij ervoor", StringComparison.Ordinal));
            Assert.Equal(!agreement.ShowScoreInSop, item.TextContent.Contains("(ter kennisgeving)", StringComparison.Ordinal));
        }
    }

    /// <summary>The Ouderrapport, with everything answered, the route in plain words and the partnership's contact details: at most two A4 pages.</summary>
    [Theory]
    [MemberData(nameof(TemplateIds))]
    public async Task Ouderrapport_FitsTwoA4Pages_WithTheRouteAndThePartnershipsContactDetails(string id)
    {
        var data = EverythingAnswered(FrameworkTemplates.Load(FrameworkTemplates.Find(id)!));
        await using var scope = Factory.Services.CreateAsyncScope();
        var renderer = scope.ServiceProvider.GetRequiredService<DocumentRenderer>();
        var rendered = await renderer.RenderAsync(DocumentCatalog.ParentReport, data, "Ouderrapport", data.School.Name, isDraft: false);
        var pdf = Pdfs.Read(await renderer.PdfAsync(rendered, DocumentCatalog.ParentReport.Paper, isDraft: false, CancellationToken.None));
        Assert.InRange(pdf.Pages.Count, 1, 2);
        Assert.Contains("Wat gebeurt er als uw kind meer nodig heeft?", pdf.Text, StringComparison.Ordinal);
        Assert.Contains("Telefoon: 030 123 40 00", pdf.Text, StringComparison.Ordinal);
        Assert.Contains("Website: https://www.swv.example", pdf.Text, StringComparison.Ordinal);
    }
}
