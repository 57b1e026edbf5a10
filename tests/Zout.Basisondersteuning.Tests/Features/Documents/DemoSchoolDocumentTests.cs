using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Tests.Operations;
using Zout.Basisondersteuning.Web.Data.Seeding;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Domain.Support;
using static Zout.Basisondersteuning.Tests.Infrastructure.Pdfs;

namespace Zout.Basisondersteuning.Tests.Features.Documents;

/// <summary>
/// The documents of a demo school (Obs De Regenboog, last year's adopted scan) hold what the partnership's documents say:
/// checked in the text of the PDFs. And the demo partnership has the arrangements of seed 004 in both years.
/// </summary>
[Collection(Portals.Demo)]
public sealed class DemoSchoolDocumentTests(DemoDataFactory factory, ITestOutputHelper output) : PortalTest<DemoDataFactory>(factory, output)
{
    private const string LastYear = TestData.LastYear;
    private static readonly string[] Additional = ["DOEN-groep", "IMPULS-groep", "Doe en Leergroep"];

    private async Task<byte[]> PdfBytesAsync(string kind)
    {
        var ib = await Factory.LoggedInClientAsync(DemoData.SchoolEmail, DemoData.Password);
        return await GetPdfAsync(ib, $"/school/{DemoData.SchoolCode}/documenten/{LastYear}/{kind}.pdf");
    }

    private async Task<PdfFacts> PdfAsync(string kind) => Read(await PdfBytesAsync(kind));

    [Fact]
    public async Task Sop_HasTheFraming_TheSchoolsContextAndBasiskwaliteit_TheRouteAndTheSeedsArrangements()
    {
        var bytes = await PdfBytesAsync("sop");
        var pdf = Read(bytes);
        var text = pdf.Text;
        // Plain letters, no ligature "ﬁ": a search for the word finds it.
        Assert.DoesNotContain("\uFB01", text, StringComparison.Ordinal);
        Assert.Contains("In dit schoolondersteuningsprofiel (SOP) leest u", text, StringComparison.Ordinal);
        // The partnership's framing (seed 002) opens the SOP.
        Assert.Contains("Over dit schoolondersteuningsprofiel", pdf.Bookmarks);
        Assert.Contains("Het is nadrukkelijk geen juridische toetssteen, maar het geeft een indicatie van de ondersteuning die de school kan bieden.", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("geen juridische toetssteen", StringComparison.Ordinal) < text.IndexOf("Algemene gegevens", StringComparison.Ordinal));
        // The school's context (an open question of the template) and its basiskwaliteit.
        Assert.Contains("Onze school en onze leerlingen", pdf.Bookmarks);
        Assert.Contains("Obs De Regenboog is een school met 312 leerlingen in Zeist.", text, StringComparison.Ordinal);
        Assert.Contains("Basiskwaliteit", pdf.Bookmarks);
        Assert.Contains("Het meest recente oordeel van de inspectie over onze school is: Voldoende (1 januari 2022).", text, StringComparison.Ordinal);
        // The route of seed 004.
        foreach (var title in SupportDefaults.PhaseTitles.Append(SupportDefaults.FollowUpTitle))
        {
            Assert.Contains(title, text, StringComparison.Ordinal);
        }

        Assert.Contains(SupportDefaults.PhaseTexts[0], text, StringComparison.Ordinal);
        // The arrangements as a table: its cells read block by block. Some are in development, some not in every region.
        var blocks = TextBlocks(bytes);
        foreach (var name in new[] { "TOP-groep", "Jonge kind groep", "DOEN-groep", "IMPULS-groep", "Doe en Leergroep" })
        {
            Assert.Contains(name, text, StringComparison.Ordinal);
        }

        Assert.Contains(blocks, b => b.StartsWith("Groepsarrangement Vervangend", StringComparison.Ordinal));
        Assert.Contains(blocks, b => b.StartsWith("Groepsarrangement Aanvullend", StringComparison.Ordinal));
        Assert.Contains(blocks, b => b.Contains("short (½ jaar), medium (1 jaar) of long (2 jaar)", StringComparison.Ordinal));
        Assert.Contains(blocks, b => b.Contains("In ontwikkeling", StringComparison.Ordinal));
        Assert.Contains(blocks, b => b.Contains("In Regio De Bilt en Bunnik, Regio Heuvelrug en Wijk bij Duurstede", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ouderrapport_HasThePartnershipsContactDetails_TheRouteInPlainWords_AndParentsFromTheStart()
    {
        var pdf = await PdfAsync("ouderrapport");
        var text = pdf.Text;
        Assert.InRange(pdf.Pages.Count, 1, 2);
        Assert.Contains("Wat gebeurt er als uw kind meer nodig heeft?", text, StringComparison.Ordinal);
        Assert.Contains("U bent er vanaf het begin bij.", text, StringComparison.Ordinal);
        Assert.Contains("Dat plan heet een ontwikkelingsperspectief (OPP).", text, StringComparison.Ordinal);
        Assert.Contains("Telefoon: 0301234000", text, StringComparison.Ordinal);
        Assert.Contains("E-mail: info@swv-demo.example", text, StringComparison.Ordinal);
        Assert.Contains("Website: https://swv-demo.example", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Leraarposter_HasTheRouteThroughTheFourPhases_TheContactPerson_AndTheAgreements_OnOneA3()
    {
        var bytes = await PdfBytesAsync("leraarposter");
        Assert.Single(Read(bytes).Pages);
        // The poster has columns: read it block by block (a column, a box of the route) instead of line by line across them.
        var blocks = TextBlocks(bytes);
        var text = string.Join("\n", blocks);
        Assert.Contains("Van basisondersteuning naar extra ondersteuning", blocks);
        var phases = SupportDefaults.PhaseTitles.Select(title => blocks.ToList().FindIndex(b => b == title)).ToList();
        Assert.True(phases.All(i => i >= 0) && phases.SequenceEqual(phases.Order()), text);
        Assert.Contains(blocks, b => b.StartsWith(SupportDefaults.FollowUpTitle + ": bij elke vorm van ondersteuning", StringComparison.Ordinal) && b.Contains("Ouders zijn er vanaf het begin bij.", StringComparison.Ordinal));
        Assert.Contains(blocks, b => b.Contains("Onze contactpersoon bij het samenwerkingsverband Cor Consultant (consultant@demo.example)", StringComparison.Ordinal));
        var reading = string.Join(" ", blocks);
        var agreements = reading[reading.IndexOf("Onze afspraken", StringComparison.Ordinal)..];
        Assert.All(DefaultFramework.Create().Agreements, a => Assert.Contains($"{a.Number}. {a.Text}", agreements, StringComparison.Ordinal));
    }

    [Fact]
    public async Task DemoPartnership_HasTheSeedsArrangementsInBothYears_SomeInDevelopment_SomeNotInEveryRegion()
    {
        var years = await Factory.WithDbAsync(db => db.SupportArrangements.AsNoTracking().Include(a => a.Regions)
            .GroupBy(a => a.SchoolYear.Name).ToDictionaryAsync(g => g.Key, g => g.ToList()));
        Assert.Equal([TestData.LastYear, TestData.ThisYear], years.Keys.Order());
        foreach (var (year, arrangements) in years)
        {
            Assert.Equal(ArrangementRelation.Replacing, arrangements.Single(a => a.Name == "TOP-groep").Relation);
            Assert.Equal(ArrangementRelation.Replacing, arrangements.Single(a => a.Name == "Jonge kind groep").Relation);
            Assert.All(Additional, n => Assert.Equal(ArrangementRelation.Additional, arrangements.Single(a => a.Name == n).Relation));
            Assert.Contains(arrangements, a => a.Status == ArrangementStatus.InDevelopment);
            Assert.Contains(arrangements, a => a.Regions.Count is > 0 and < 3);
            Assert.True(await Factory.WithDbAsync(db => db.SupportOfferings.AnyAsync(o => o.SchoolYear.Name == year)), year);
        }

        // This year is a copy of last year's, where one arrangement moved on.
        Assert.Equal(ArrangementStatus.InDevelopment, years[TestData.LastYear].Single(a => a.Name == "Doe en Leergroep").Status);
        Assert.Equal(ArrangementStatus.Available, years[TestData.ThisYear].Single(a => a.Name == "Doe en Leergroep").Status);
    }
}
