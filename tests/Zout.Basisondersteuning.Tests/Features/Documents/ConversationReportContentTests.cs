using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Features.Scans;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Domain;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Features.Documents;
using static Zout.Basisondersteuning.Tests.Infrastructure.Pdfs;

namespace Zout.Basisondersteuning.Tests.Features.Documents;

/// <summary>
/// What the conversation reports say: the school's toelichting and development point actions in the Scanrapport,
/// the explanation per agreement, verandercapaciteit, key figures and shared development points in the
/// Vergelijkingsrapport, the public key figures in the SOP; long texts printed whole, on the paper. Needs Chromium.
/// </summary>
[Collection(Portals.Documents)]
public sealed class ConversationReportContentTests(ScanPortal portal, ITestOutputHelper output) : PortalTest<ScanPortal>(portal, output)
{
    /// <summary>About 1000 characters (the framework's longest toelichting), ending in a word found nowhere else.</summary>
    private static readonly string LongExplanation =
        string.Join(" ", Enumerable.Repeat("Het team rekent met concrete materialen en bespreekt elke zes weken de resultaten per groep.", 10)) + " Slotwoordtoelichting.";

    /// <summary>Long actions over several paragraphs (up to 4000 characters are allowed), ending in a word found nowhere else.</summary>
    private static readonly string LongActions = string.Join("\n", Enumerable.Range(1, 12).Select(i =>
        $"Stap {i}: het team volgt een scholing, oefent in de eigen groep, bespreekt de ervaringen in de bouwvergadering en legt vast wat werkt.")) + "\nSlotwoordacties.";

    [Fact]
    public async Task Scanrapport_HasTheToelichtingLastYearTargetsAndTheActionsOfTheDevelopmentPoints_PrintedWhole()
    {
        var school = await ScanForms.CompleteSchoolAsync(Factory, World.BoardA);
        await Data.SetScanAsync(school, 2025, scan => scan.Adopted().Level("taal-lezen", "expertise", 2).Capacity("visie", 2).KeyFigure("arrangementen", 1));
        await Data.SetScanAsync(school, 2026, scan => scan.Level("rekenen", "expertise", 4, text: LongExplanation));
        await Data.CreateDevelopmentPointAsync(school, 2026, p => p.For("taal-lezen", "aanbod").Titled("Nieuwe leesmethode invoeren").Levels(2, 3)
            .Owner("Intern begeleider").Actions(LongActions).Deadline(new DateOnly(2027, 4, 1)));
        var ib = await Factory.LoggedInClientAsync(school.Ib);
        var url = $"/school/{school.Code}/documenten/2026-2027/scanrapport";

        var page = await ib.GetHtmlAsync(url);
        var explanations = page.QuerySelectorAll("[data-testid='explanation']").Select(e => e.TextContent.Trim()).ToList();
        Assert.Contains("Twee leerkrachten zijn opgeleid.", explanations);
        Assert.Contains("We kiezen dit jaar een nieuwe methode.", explanations);
        var point = Assert.Single(page.QuerySelectorAll("[data-testid='development-point']"));
        Assert.Contains("Nieuwe leesmethode invoeren", point.TextContent);
        Assert.Contains("Intern begeleider", point.TextContent);
        Assert.Contains("1 april 2027", point.TextContent);
        Assert.Contains("Gepland", point.TextContent);
        Assert.Equal(13, point.QuerySelectorAll("[data-testid='development-point-actions'] p").Length);
        // Since last year: taal-lezen/expertise 2 -> 3 and visie 2 -> 3 went up.
        var changes = page.QuerySelectorAll("[data-testid='scan-change']").Select(r => r.TextContent).ToList();
        Assert.Contains(changes, c => c.Contains("Taal en lezen – Expertise", StringComparison.Ordinal) && c.Contains("gestegen", StringComparison.Ordinal));
        Assert.Equal(["Aantal aangevraagde arrangementen", "3", "1"],
            page.QuerySelector("[data-testid='key-figure']")!.Children.Select(c => c.TextContent.Trim()).ToArray());

        var pdfBytes = await GetPdfAsync(ib, url + ".pdf");
        var pdf = Read(pdfBytes);
        Assert.True(pdf.IsTagged);
        Assert.True(pdf.HasStructTree);
        foreach (var bookmark in new[] { "Overzicht", "Wat is veranderd sinds 2025-2026", "Taal en lezen", "Ontwikkelpunten Taal en lezen", "Nieuwe leesmethode invoeren", "Verandercapaciteit", "Kengetallen" })
        {
            Assert.Contains(bookmark, pdf.Bookmarks);
        }

        Assert.Contains("Twee leerkrachten zijn opgeleid.", pdf.Text);
        Assert.Contains("Slotwoordtoelichting.", pdf.Text);
        Assert.Contains("Stap 7: het team volgt een scholing", pdf.Text);
        Assert.Contains("Slotwoordacties.", pdf.Text);
        Assert.InRange(pdf.FirstPageWidth, 594, 597);
        Assert.Empty(WordsOutsideThePage(pdfBytes));
    }

    [Fact]
    public async Task Afspraken_HaveTheSchoolsExplanationPerAgreement_AndLastYearsScore()
    {
        var school = await ScanForms.CompleteSchoolAsync(Factory, World.BoardA);
        await Data.SetScanAsync(school, 2025, scan => scan.Adopted().Agreement("1", 3).Agreement("2", 3));
        await Data.SetScanAsync(school, 2026, scan => scan.Agreement("1", 2, "We werken nog niet in alle groepen met een vaste cyclus."));
        var ib = await Factory.LoggedInClientAsync(school.Ib);
        var url = $"/school/{school.Code}/documenten/2026-2027/afspraken";

        var page = await ib.GetHtmlAsync(url);
        Assert.Equal("Toelichting: We werken nog niet in alle groepen met een vaste cyclus.", Assert.Single(page.QuerySelectorAll("[data-testid='agreement-explanation']")).TextContent.Trim());
        var pdfBytes = await GetPdfAsync(ib, url + ".pdf");
        var text = Read(pdfBytes).Text;
        Assert.Contains("We werken nog niet in alle groepen met een vaste cyclus.", text);
        Assert.Contains("2025-2026", text);
        Assert.Contains("3 op orde", text);
        Assert.Empty(WordsOutsideThePage(pdfBytes));
    }

    [Fact]
    public async Task Vergelijkingsrapport_HasChangeCapacity_KeyFiguresNotFilledIn_AndSharedDevelopmentPoints()
    {
        var board = await Data.CreateBoardAsync();
        await Data.CreateSchoolAsync(s => s.InBoard(board).Named("Obs Eerste Vergelijking")
            .WithAdoptedScan(2026, scan => scan.Capacity("visie", 2).Capacity("leiderschap", 4).KeyFigure("arrangementen", 3))
            .WithDevelopmentPoint(2026, p => p.For("taal-lezen", "aanbod").Titled("Leesaanbod verbreden")));
        await Data.CreateSchoolAsync(s => s.InBoard(board).Named("Obs Tweede Vergelijking")
            .WithAdoptedScan(2026, scan => scan.Capacity("visie", 3).KeyFigure("arrangementen", null))
            .WithDevelopmentPoint(2026, p => p.For("taal-lezen", "aanbod").Titled("Technisch lezen versterken"))
            .WithDevelopmentPoint(2026, p => p.For("rekenen", "expertise").Titled("Rekenspecialist")));
        var admin = await Factory.LoggedInClientAsync(World.Admin);
        var url = $"/bestuur/{board.Id}/vergelijkingsrapport/2026-2027";

        var page = await admin.GetHtmlAsync(url);
        var capacity = page.QuerySelector("[data-testid='comparison-change-capacity'] tbody")!.Children.Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal(["Obs Eerste Vergelijking", "2", "4", "3.0"], capacity[0].Select(c => c.Replace(',', '.')).ToArray());
        Assert.Equal(["Obs Tweede Vergelijking", "3", "–", "3.0"], capacity[1].Select(c => c.Replace(',', '.')).ToArray());
        var figures = page.QuerySelector("[data-testid='comparison-key-figures'] tbody")!.Children.Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal(["Obs Eerste Vergelijking", "3"], figures[0]);
        Assert.Equal(["Obs Tweede Vergelijking", "niet ingevuld"], figures[1]);
        Assert.Equal(["Totaal", "3 (1 van 2 scholen)"], figures[2]);
        // Only taal-lezen/aanbod is shared by both schools.
        var shared = Assert.Single(page.QuerySelectorAll("[data-testid='shared-point']"));
        Assert.Contains("Taal en lezen – Aanbod", shared.TextContent);
        Assert.Contains("Obs Eerste Vergelijking: Leesaanbod verbreden", shared.TextContent);
        Assert.Contains("Obs Tweede Vergelijking: Technisch lezen versterken", shared.TextContent);

        var pdfBytes = await GetPdfAsync(admin, url + ".pdf");
        var pdf = Read(pdfBytes);
        Assert.True(pdf.IsTagged);
        foreach (var bookmark in new[] { "Verandercapaciteit per school", "Kengetallen per school", "Gedeelde ontwikkelpunten" }) Assert.Contains(bookmark, pdf.Bookmarks);
        Assert.Empty(WordsOutsideThePage(pdfBytes));
    }

    [Fact]
    public async Task Sop_ShowsOnlyTheKeyFiguresThePartnershipMadePublic()
    {
        var framework = TestData.SmallFramework();
        framework.KeyFigures =
        [
            new() { Key = "leerlingen-met-opp", Name = "Aantal leerlingen met een OPP", Unit = "leerlingen", PublicInSop = true },
            new() { Key = "verwijzingen", Name = "Aantal verwijzingen", Unit = "leerlingen", PublicInSop = true },
            new() { Key = "thuiszitters", Name = "Aantal thuiszitters", Unit = "leerlingen" },
        ];
        var answers = new Dictionary<string, ScanAnswer>(StringComparer.Ordinal)
        {
            [ItemKey.KeyFigure("leerlingen-met-opp")] = new() { ItemKey = ItemKey.KeyFigure("leerlingen-met-opp"), Number = 4 },
            [ItemKey.KeyFigure("thuiszitters")] = new() { ItemKey = ItemKey.KeyFigure("thuiszitters"), Number = 2 },
        };
        var data = new SchoolDocumentData
        {
            School = new SchoolInfo(1, "99ZZ00", "Obs Kengetal", "Schoolstraat 1", "1234AB", "TESTDORP", "Stichting Bestuur", null, null, 250, "SWV Test", null, null),
            Year = SchoolYear.For(2026),
            Framework = framework,
            Answers = answers,
            LastYearAnswers = new Dictionary<string, ScanAnswer>(),
            DevelopmentPoints = [],
        };
        await using var scope = Factory.Services.CreateAsyncScope();
        var rendered = await scope.ServiceProvider.GetRequiredService<DocumentRenderer>().RenderAsync(DocumentCatalog.SupportProfile, data, "SOP", "Obs Kengetal", isDraft: false);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(rendered.ContentHtml);

        var section = page.QuerySelector("[data-testid='sop-key-figures']")!;
        Assert.Equal(["4 leerlingen", "niet ingevuld"], section.QuerySelectorAll("[data-testid='sop-key-figure']").Select(d => d.TextContent.Trim()).ToArray());
        Assert.Contains("Aantal leerlingen met een OPP", section.TextContent);
        Assert.DoesNotContain("thuiszitters", rendered.ContentHtml, StringComparison.OrdinalIgnoreCase);

        // Without public key figures the SOP has no such section.
        framework.KeyFigures.ForEach(k => k.PublicInSop = false);
        var without = await scope.ServiceProvider.GetRequiredService<DocumentRenderer>().RenderAsync(DocumentCatalog.SupportProfile, data, "SOP", "Obs Kengetal", isDraft: false);
        Assert.DoesNotContain("sop-key-figures", without.ContentHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_StayForTheSchoolItsBoardAndThePartnership()
    {
        var school = await ScanForms.CompleteSchoolAsync(Factory, World.BoardA);
        var other = await Factory.LoggedInClientAsync(World.SchoolB1User);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/school/{school.Code}/documenten/2026-2027/scanrapport.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await Factory.LoggedInClientAsync(World.BoardAUser)).GetAsync($"/school/{school.Code}/documenten/2026-2027/scanrapport")).StatusCode);
    }
}
