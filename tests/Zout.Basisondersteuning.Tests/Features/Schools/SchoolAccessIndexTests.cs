using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Infrastructure;

namespace Zout.Basisondersteuning.Tests.Features.Schools;

/// <summary>
/// The decision about one school reads the schools from memory (issue 15), kept as long as the structure counter stays
/// the same: a school moved to another board, given another contact person or deactivated is decided anew at once.
/// </summary>
[Collection(Portals.Main)]
public sealed class SchoolAccessIndexTests(PortalFactory factory, ITestOutputHelper output) : PortalTest(factory, output)
{
    [Fact]
    public async Task AMovedOrDeactivatedSchool_IsDecidedAnew_AtOnce()
    {
        var school = await Data.CreateSchoolAsync(s => s.Named("Obs Verhuisvogel").InBoard(World.BoardA).InRegion(World.North));
        var boardB = await Data.CreateUserAsync(u => u.Email("bestuur-b-verhuis@test.example").BoardUser(World.BoardB));
        var boardAClient = await Factory.LoggedInClientAsync(World.BoardAUser);
        var boardBClient = await Factory.LoggedInClientAsync(boardB.Email);
        var southConsultant = await Factory.LoggedInClientAsync(World.SouthConsultant);
        var anonymous = Factory.CreatePortalClient();
        var page = $"/school/{school.Code}";

        Assert.Equal(HttpStatusCode.OK, (await boardAClient.GetAsync(page)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await boardBClient.GetAsync(page)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await southConsultant.GetAsync(page)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/scholen/{school.Code}")).StatusCode);

        // The admin moves the school to board B and makes the south consultant its contact person.
        var admin = await Factory.LoggedInClientAsync(World.Admin);
        var southConsultantId = await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == World.SouthConsultant).Select(u => u.Id).SingleAsync());
        var edit = $"/beheer/structuur/scholen/{school.Id}";
        var moved = await admin.SubmitAsync(await admin.GetHtmlAsync(edit), "[data-testid='school-form']", new Dictionary<string, string>
        {
            ["Input.BoardId"] = World.BoardB.Id.ToString(CultureInfo.InvariantCulture),
            ["Input.ContactPersonId"] = southConsultantId,
        });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await boardAClient.GetAsync(page)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await boardBClient.GetAsync(page)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await southConsultant.GetAsync(page)).StatusCode);

        // Deactivated: no longer public, at once.
        var deactivated = await admin.SubmitAsync(await admin.GetHtmlAsync(edit), "[data-testid='school-form']", new Dictionary<string, string> { ["Input.IsActive"] = "false" });
        Assert.Equal(HttpStatusCode.Redirect, deactivated.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/scholen/{school.Code}")).StatusCode);
    }
}
