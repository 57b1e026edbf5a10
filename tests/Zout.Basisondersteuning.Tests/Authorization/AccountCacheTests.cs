using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Infrastructure;

namespace Zout.Basisondersteuning.Tests.Authorization;

/// <summary>
/// The signed-in user's account is kept in memory (no query per request), and still a change of the account is seen
/// by the very next request, on this instance and on another one that shares the database.
/// </summary>
public sealed class AccountCacheTests(TwoInstances instances, ITestOutputHelper output) : IClassFixture<TwoInstances>, IDisposable
{
    private readonly PortalFactory _first = Attach(instances.First, output);
    private readonly PortalFactory _second = instances.Second;

    private World World => _first.World;

    private static PortalFactory Attach(PortalFactory factory, ITestOutputHelper output)
    {
        factory.Log.Attach(output);
        return factory;
    }

    public void Dispose() => _first.Log.Detach();

    [Fact]
    public async Task TrivialPage_SignedIn_AsksOneQuery_TheChangeStamps()
    {
        var user = await _first.Data.CreateUserAsync(u => u.SchoolUser(World.SchoolA1));
        var client = await _first.LoggedInClientAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/wachtwoord-wijzigen")).StatusCode);

        _first.Sql.ResetCount();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/wachtwoord-wijzigen")).StatusCode);
        var commands = _first.Sql.Texts;

        var only = Assert.Single(commands);
        Assert.Contains("ChangeCounters", only, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deactivated_OnOneInstance_EndsTheSessionsOnBoth_AtTheNextRequest()
    {
        var user = await _first.Data.CreateUserAsync(u => u.SchoolUser(World.SchoolB1));
        var onFirst = await _first.LoggedInClientAsync(user);
        var onSecond = await _second.LoggedInClientAsync(user);
        var page = $"/school/{World.SchoolB1.Code}";
        // Both instances now hold the account in memory.
        Assert.Equal(HttpStatusCode.OK, (await onFirst.GetAsync(page)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await onSecond.GetAsync(page)).StatusCode);

        var admin = await _first.LoggedInClientAsync(World.Admin);
        Assert.Equal(HttpStatusCode.Redirect, (await EditAsync(admin, user, active: false, name: "Vertrokken")).StatusCode);

        foreach (var session in new[] { onSecond, onFirst })
        {
            var after = await session.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
            Assert.StartsWith("/account/inloggen", after.Location());
        }
    }

    [Fact]
    public async Task RoleChanged_OnOneInstance_TheOtherDecidesWithTheNewRole_AtTheNextRequest()
    {
        var user = await _first.Data.CreateUserAsync(u => u.SchoolUser(World.SchoolB1));
        var admin = await _first.LoggedInClientAsync(World.Admin);
        // The role changes while the user is not signed in; the second instance held the old account in memory.
        var before = await _second.LoggedInClientAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await before.GetAsync($"/school/{World.SchoolB1.Code}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await before.GetAsync("/documenten/bulk")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await EditAsync(admin, user, active: true, name: "Nu bestuur", boardUserOf: World.BoardA.Id)).StatusCode);

        // The old session ended (new security stamp); a new one on the second instance has the new role at once.
        Assert.Equal(HttpStatusCode.Redirect, (await before.GetAsync($"/school/{World.SchoolB1.Code}")).StatusCode);
        var after = await _second.LoggedInClientAsync(user);
        Assert.Equal(HttpStatusCode.Forbidden, (await after.GetAsync($"/school/{World.SchoolB1.Code}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await after.GetAsync("/documenten/bulk")).StatusCode);
    }

    [Fact]
    public async Task NameChanged_WithoutNewStamp_TheOtherInstanceShowsIt_AtTheNextRequest()
    {
        var user = await _first.Data.CreateUserAsync(u => u.SchoolUser(World.SchoolB1).Named("Oude Naam"));
        var session = await _second.LoggedInClientAsync(user);
        Assert.Equal("Oude Naam", await NameInHeaderAsync(session));

        var admin = await _first.LoggedInClientAsync(World.Admin);
        Assert.Equal(HttpStatusCode.Redirect, (await EditAsync(admin, user, active: true, name: "Nieuwe Naam", schoolUserOf: World.SchoolB1.Id)).StatusCode);

        Assert.Equal("Nieuwe Naam", await NameInHeaderAsync(session));
    }

    [Fact]
    public async Task PasswordResetElsewhere_EndsTheSessionOnTheOtherInstance_AtTheNextRequest()
    {
        var user = await _first.Data.CreateUserAsync(u => u.SchoolUser(World.SchoolB1));
        var session = await _second.LoggedInClientAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/account/wachtwoord-wijzigen")).StatusCode);

        var elsewhere = await _first.LoggedInClientAsync(user);
        var changed = await elsewhere.PostFormAsync("/account/wachtwoord-wijzigen", "/account/wachtwoord-wijzigen", new Dictionary<string, string>
        {
            ["CurrentPassword"] = PortalFactory.TestPassword,
            ["NewPassword"] = "Een-nieuw-wachtwoord-1",
            ["ConfirmPassword"] = "Een-nieuw-wachtwoord-1",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        var after = await session.GetAsync("/account/wachtwoord-wijzigen");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/inloggen", after.Location());
        // The session that changed it goes on.
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/account/wachtwoord-wijzigen")).StatusCode);
    }

    private static async Task<string> NameInHeaderAsync(HttpClient client)
    {
        var page = await client.GetHtmlAsync("/account/wachtwoord-wijzigen");
        return page.QuerySelector("[data-testid='current-user']")!.FirstChild!.TextContent.Trim();
    }

    private async Task<HttpResponseMessage> EditAsync(HttpClient admin, TestUser user, bool active, string name, int? boardUserOf = null, int? schoolUserOf = null)
    {
        var page = await admin.GetHtmlAsync($"/beheer/gebruikers/{user.Id}");
        var fields = new Dictionary<string, string>
        {
            ["Input.ConcurrencyStamp"] = page.QuerySelector("input[name='Input.ConcurrencyStamp']")!.GetAttribute("value")!,
            ["Input.DisplayName"] = name,
            ["Input.IsActive"] = active ? "true" : "false",
        };
        if (boardUserOf is { } board)
        {
            fields["Input.Role"] = "BoardUser";
            fields["Input.BoardId"] = board.ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            fields["Input.Role"] = "SchoolUser";
            fields["Input.SchoolId"] = (schoolUserOf ?? await _first.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.SchoolId!.Value).SingleAsync()))
                .ToString(CultureInfo.InvariantCulture);
        }

        return await admin.PostFormAsync($"/beheer/gebruikers/{user.Id}", $"/beheer/gebruikers/{user.Id}", fields);
    }
}

/// <summary>Two app instances on one database (and one data folder, so they share the data-protection keys): a cookie of one is valid on the other.</summary>
public sealed class TwoInstances : IAsyncLifetime
{
    public PortalFactory First { get; } = new();

    public PortalFactory Second { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)First).InitializeAsync();
        Second = new SecondInstance(First.DataDirectory);
        await ((IAsyncLifetime)Second).InitializeAsync();
    }

    public Task DisposeAsync()
    {
        Second.Dispose();
        First.Dispose();
        return Task.CompletedTask;
    }

    private sealed class SecondInstance(string dataDirectory) : PortalFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Storage:DataDirectory"] = dataDirectory };

        protected override Task SeedAsync() => Task.CompletedTask;
    }
}
