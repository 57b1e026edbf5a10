using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Domain.Administration;

namespace Zout.Basisondersteuning.Tests.Features.Administration;

/// <summary>The samples are DUO's files for ten made-up schools, kept in this project's TestData folder.</summary>
[Collection(Portals.Administration)]
public sealed class DuoImportTests(PortalFactory factory, ITestOutputHelper output) : PortalTest(factory, output)
{
    private static readonly Encoding Windows1252 = GetWindows1252();

    private static Encoding GetWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }

    private async Task<(HttpClient Client, string PreviewUrl)> UploadAsync(string kind, byte[] content)
    {
        var client = await Factory.LoggedInClientAsync(World.Admin);
        var response = await UploadAsync(client, kind, content);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (client, response.Location()!);
    }

    /// <summary>Uploads a file the way the import page's form does; a redirect to the preview when accepted.</summary>
    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, string kind, byte[] content) =>
        client.UploadAsync("/beheer/import", $"/beheer/import/{kind}", "bestand", "duo.csv", "text/csv", content);

    /// <summary>
    /// One test for both sample files, in the order an admin imports them: the locations must still be new
    /// when it starts, and the pupil counts need them imported (two tests on one portal would depend on their order).
    /// </summary>
    [Fact]
    public async Task SampleLocationsThenPupilCounts_Preview_Apply_ThenSameFilesChangeNothing()
    {
        var bytes = await File.ReadAllBytesAsync(TestFiles.Sample("duo-vestigingen-sample.csv"));
        var (client, preview) = await UploadAsync("vestigingen", bytes);
        Assert.Matches("^/beheer/import/vestigingen/[0-9a-f]{32}$", preview);

        var page = await client.GetHtmlAsync(preview);
        Assert.Equal("10", page.QuerySelector("[data-testid='count-new']")?.TextContent);
        Assert.Equal("0", page.QuerySelector("[data-testid='count-bad']")?.TextContent);
        // The portal's own three schools are not in DUO's sample: listed as missing, not touched.
        var missing = page.QuerySelectorAll("[data-testid='missing'] li").Select(li => li.GetAttribute("data-code")!).ToHashSet();
        Assert.Superset(new HashSet<string> { World.SchoolA1Code, World.SchoolA2Code, World.SchoolB1Code }, missing);
        // Windows-1252 is read correctly: the apostrophe of 't Kompas and any accented names survive.
        Assert.Contains(page.QuerySelectorAll("[data-testid='new-school']"), row => row.TextContent.Contains("Obs 't Kompas", StringComparison.Ordinal));

        var apply = await client.PostFormAsync(preview, preview, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, apply.StatusCode);
        var stored = await Factory.WithDbAsync(db => db.Schools.AsNoTracking().Include(s => s.Board).SingleAsync(s => s.LocationCode == "12AB01"));
        Assert.Equal(("Obs De Regenboog, dependance Kerckebosch", "Jagerslaan", "3705XA", "ZEIST", "41234"),
            (stored.Name, stored.Street, stored.PostalCode, stored.City, stored.Board.BoardNumber));
        Assert.Equal(1, await Factory.WithDbAsync(db => db.Boards.CountAsync(b => b.BoardNumber == "41234")));
        Assert.True(await Factory.WithDbAsync(db => db.AuditLog.AnyAsync(e => e.Action == AuditActions.Import)));

        // Applying the same upload again does nothing.
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(preview, preview, new Dictionary<string, string>())).StatusCode);

        // The same file again: nothing new, nothing changed, and applying it leaves every row as it was.
        var before = await SnapshotAsync();
        Factory.Time.Advance(TimeSpan.FromMinutes(5));
        var (_, again) = await UploadAsync("vestigingen", bytes);
        var againPage = await client.GetHtmlAsync(again);
        Assert.Equal(("0", "0", "0"), (againPage.QuerySelector("[data-testid='count-new']")?.TextContent, againPage.QuerySelector("[data-testid='count-changed']")?.TextContent,
            againPage.QuerySelector("[data-testid='count-new-boards']")?.TextContent));
        Assert.NotNull(againPage.QuerySelector("[data-testid='no-changes']"));
        await client.PostFormAsync(again, again, new Dictionary<string, string>());
        Assert.Equal(before, await SnapshotAsync());

        // The pupil counts of the sample update the schools it just added; the same file again changes nothing.
        var pupils = await File.ReadAllBytesAsync(TestFiles.Sample("duo-leerlingen-sample.csv"));
        var (_, pupilPreview) = await UploadAsync("leerlingen", pupils);
        var pupilPage = await client.GetHtmlAsync(pupilPreview);
        var change = pupilPage.QuerySelector("[data-testid='change'][data-code='12AB00']");
        Assert.Equal("312", change?.QuerySelector("[data-testid='new']")?.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(pupilPreview, pupilPreview, new Dictionary<string, string>())).StatusCode);
        Assert.Equal(312, await Factory.WithDbAsync(db => db.Schools.Where(s => s.LocationCode == "12AB00").Select(s => s.PupilCount).SingleAsync()));

        var (_, pupilsAgain) = await UploadAsync("leerlingen", pupils);
        Assert.Equal("0", (await client.GetHtmlAsync(pupilsAgain)).QuerySelector("[data-testid='count-changed']")?.TextContent);
    }

    private Task<string> SnapshotAsync() => Factory.WithDbAsync(async db => string.Join("\n",
        (await db.Schools.AsNoTracking().OrderBy(s => s.LocationCode).ToListAsync()).Select(s => $"{s.LocationCode}|{s.Name}|{s.Street}|{s.City}|{s.BoardId}|{s.UpdatedAt.UtcTicks}"))
        + "\n" + string.Join("\n", (await db.Boards.AsNoTracking().OrderBy(b => b.BoardNumber).ToListAsync()).Select(b => $"{b.BoardNumber}|{b.Name}|{b.UpdatedAt.UtcTicks}")));

    [Fact]
    public async Task ChangedFields_ShowOldAndNew()
    {
        var board = await Data.CreateBoardAsync();
        var school = await Data.CreateSchoolAsync(s => s.InBoard(board));
        var csv = "PROVINCIE;BEVOEGD GEZAG NUMMER;INSTELLINGSCODE;VESTIGINGSCODE;VESTIGINGSNAAM;STRAATNAAM;HUISNUMMER-TOEVOEGING;POSTCODE;PLAATSNAAM\r\n"
                  + $"UTRECHT;{board.BoardNumber};{school.Code[..4]};{school.Code};{school.Name};Nieuwe Weg;9;1234AB;TESTDORP\r\n";
        var (client, preview) = await UploadAsync("vestigingen", Encoding.UTF8.GetBytes(csv));
        var page = await client.GetHtmlAsync(preview);
        var street = page.QuerySelector($"[data-testid='change'][data-code='{school.Code}'][data-field='Straat']");
        Assert.NotNull(street);
        Assert.Equal(("Schoolstraat", "Nieuwe Weg"), (street.QuerySelector("[data-testid='old']")!.TextContent, street.QuerySelector("[data-testid='new']")!.TextContent));
    }

    [Fact]
    public async Task OldHeaderNames_AndUtf8WithBom_AreAccepted()
    {
        var csv = "BEVOEGD GEZAG NUMMER;BRIN NUMMER;VESTIGINGSNUMMER;VESTIGINGSNAAM;PLAATSNAAM\r\n"
                  + "55555;33XY;00;Basisschool Één;ÉÉNDORP\r\n"
                  + "55555;33XY;33XY01;Basisschool Één, locatie twee;ÉÉNDORP\r\n";
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray();
        var (client, preview) = await UploadAsync("vestigingen", bytes);
        var page = await client.GetHtmlAsync(preview);
        Assert.Equal(["33XY00", "33XY01"], page.QuerySelectorAll("[data-testid='new-school']").Select(r => r.GetAttribute("data-code")!).ToArray());
        Assert.Contains("Basisschool Één", page.QuerySelector("[data-testid='new-school']")!.TextContent);
    }

    [Fact]
    public async Task Windows1252_AccentsReadCorrectly()
    {
        var csv = "BEVOEGD GEZAG NUMMER;INSTELLINGSCODE;VESTIGINGSCODE;VESTIGINGSNAAM\r\n66666;44ZZ;44ZZ00;Cbs Het Kindercafé\r\n";
        var (client, preview) = await UploadAsync("vestigingen", Windows1252.GetBytes(csv));
        Assert.Contains("Cbs Het Kindercafé", (await client.GetHtmlAsync(preview)).QuerySelector("[data-testid='new-school']")!.TextContent);
    }

    [Fact]
    public async Task BadRows_ListedWithLineAndReason_NothingAppliedUnlessSkipped()
    {
        var csv = "BEVOEGD GEZAG NUMMER;INSTELLINGSCODE;VESTIGINGSCODE;VESTIGINGSNAAM\r\n"
                  + "70001;71AA;71AA00;Goede school\r\n"
                  + "70001;71AA;71A;Foute code\r\n"
                  + "70001;71AA;71AA01;\r\n"
                  + "abc;71AA;71AA02;Fout bestuur\r\n"
                  + "70001;71AA;71AA00;Dubbel\r\n";
        var (client, preview) = await UploadAsync("vestigingen", Encoding.UTF8.GetBytes(csv));
        var page = await client.GetHtmlAsync(preview);
        Assert.Equal(["3", "4", "5", "6"], page.QuerySelectorAll("[data-testid='bad-row']").Select(r => r.GetAttribute("data-line")!).ToArray());
        Assert.Contains("71A", page.QuerySelector("[data-testid='bad-row'][data-line='3']")!.TextContent);
        Assert.Contains("staat ook al op regel 2", page.QuerySelector("[data-testid='bad-row'][data-line='6']")!.TextContent);

        var refused = await client.PostFormAsync(preview, preview, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Er is niets geïmporteerd", (await refused.HtmlAsync()).QuerySelector("[data-testid='error-summary']")?.TextContent);
        Assert.False(await Factory.WithDbAsync(db => db.Schools.AnyAsync(s => s.Brin == "71AA")));

        var skipped = await client.PostFormAsync(preview, preview, new Dictionary<string, string> { ["skipBadRows"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, skipped.StatusCode);
        Assert.Equal(["71AA00"], await Factory.WithDbAsync(db => db.Schools.Where(s => s.Brin == "71AA").Select(s => s.LocationCode).ToListAsync()));
        Assert.Equal("Goede school", await Factory.WithDbAsync(db => db.Schools.Where(s => s.LocationCode == "71AA00").Select(s => s.Name).SingleAsync()));
    }

    public static TheoryData<string, byte[], string> BadFiles() => new()
    {
        { "vestigingen", [], "Het bestand is leeg" },
        { "vestigingen", Encoding.UTF8.GetBytes("NAAM,PLAATS\r\nSchool,Dorp\r\n"), "puntkomma" },
        { "vestigingen", Encoding.UTF8.GetBytes("NAAM;PLAATS\r\nSchool;Dorp\r\n"), "mist de kolommen VESTIGINGSCODE, INSTELLINGSCODE, BEVOEGD GEZAG NUMMER, VESTIGINGSNAAM" },
        { "vestigingen", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0xFF, 0x10], "geen CSV-bestand" },
        { "vestigingen", Encoding.UTF8.GetBytes("BEVOEGD GEZAG NUMMER;INSTELLINGSCODE;VESTIGINGSCODE;VESTIGINGSNAAM\r\n"), "geen scholen" },
        { "leerlingen", Encoding.UTF8.GetBytes("PROVINCIE;BEVOEGD GEZAG NUMMER;INSTELLINGSCODE;VESTIGINGSCODE;VESTIGINGSNAAM\r\nX;1;12AB;12AB00;School\r\n"), "mist de kolom AANTAL_LEERLINGEN" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task NotSuchACsv_GetsDutchMessage_NothingStored(string kind, byte[] content, string message)
    {
        var client = await Factory.LoggedInClientAsync(World.Admin);
        var uploadsBefore = await Factory.WithDbAsync(db => db.ImportUploads.CountAsync());
        var response = await UploadAsync(client, kind, content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, (await response.HtmlAsync()).QuerySelector($"[data-testid='error-{kind}']")?.TextContent);
        Assert.Equal(uploadsBefore, await Factory.WithDbAsync(db => db.ImportUploads.CountAsync()));
    }

    [Fact]
    public async Task TooLargeFile_GetsDutchMessage()
    {
        var client = await Factory.LoggedInClientAsync(World.Admin);
        var content = new byte[10 * 1024 * 1024 + 1];
        Array.Fill(content, (byte)'a');
        var response = await UploadAsync(client, "vestigingen", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("te groot", (await response.HtmlAsync()).QuerySelector("[data-testid='error-vestigingen']")?.TextContent);
    }

    [Fact]
    public async Task Preview_OfUnknownUpload_IsNotFound()
    {
        var client = await Factory.LoggedInClientAsync(World.Admin);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/beheer/import/vestigingen/00000000000000000000000000000000")).StatusCode);
    }
}
