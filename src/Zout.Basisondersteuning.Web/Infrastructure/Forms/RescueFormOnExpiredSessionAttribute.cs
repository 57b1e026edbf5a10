using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;
using Zout.Basisondersteuning.Web.Infrastructure.RateLimiting;

namespace Zout.Basisondersteuning.Web.Infrastructure.Forms;

/// <summary>What a rescuable form is: it names the school the post is for and keeps only the form's own fields.</summary>
public interface IRescuableForm
{
    /// <summary>
    /// The school (by id) and the fields worth keeping of a post to this route, or null when the route names no existing
    /// school and form (then nothing is stored). Runs before authorization: it must not trust anything in the post.
    /// </summary>
    Task<(int SchoolId, IReadOnlyDictionary<string, string> Values)?> SelectAsync(HttpContext http, IFormCollection form);
}

/// <summary>
/// An expired login never throws away what the user typed: a form posted without a valid login is kept
/// (bound to this browser by a secret cookie, for a day), the user logs in and returns to the same page
/// with the input filled in again, to check and save. Runs before authorization and antiforgery, which
/// would otherwise reject the post; nothing is saved to the school's data on this path.
/// Because anybody can post here, a post is kept only for an existing school and form (<typeparamref name="TForm"/>),
/// only that form's own fields, at most <see cref="RescuedForms.MaxBytes"/>, within a limit per address; it is handed back only to a
/// user of that school (<see cref="RescuedForms.TakeAsync"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RescueFormOnExpiredSessionAttribute<TForm> : Attribute, IAsyncAuthorizationFilter, IOrderedFilter where TForm : IRescuableForm
{
    public int Order => -10_000;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (http.User.Identity?.IsAuthenticated == true || !HttpMethods.IsPost(http.Request.Method) || !http.Request.HasFormContentType) return;
        // Larger (or of unknown size) is no form a person typed: let authorization answer it as usual, unread.
        if (http.Request.ContentLength is not (> 0 and <= RescuedForms.MaxBytes)) return;

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var target = ActivatorUtilities.GetServiceOrCreateInstance<TForm>(http.RequestServices);
        if (await target.SelectAsync(http, form) is not { } selected || selected.Values.Count == 0) return;
        var json = JsonSerializer.Serialize(selected.Values);
        if (Encoding.UTF8.GetByteCount(json) > RescuedForms.MaxBytes) return;

        var limiter = http.RequestServices.GetRequiredService<SharedRateLimiter>();
        var rules = http.RequestServices.GetRequiredService<RateLimitRules>();
        if (!await limiter.TryAcquireAsync(rules.RescuedFormPerAddress, http.ClientAddress(), http.RequestAborted)) return;

        var browserKey = http.Request.Cookies[RescuedForms.CookieName];
        if (string.IsNullOrEmpty(browserKey) || browserKey.Length < 32)
        {
            browserKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
            http.Response.Cookies.Append(RescuedForms.CookieName, browserKey, new CookieOptions
            {
                HttpOnly = true,
                Secure = http.Request.IsHttps,
                SameSite = SameSiteMode.Lax,
                MaxAge = RescuedForms.Lifetime,
                IsEssential = true,
            });
        }

        var db = http.RequestServices.GetRequiredService<AppDbContext>();
        var time = http.RequestServices.GetRequiredService<TimeProvider>();
        var now = time.GetUtcNow();
        var rescued = new RescuedForm
        {
            Id = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant(),
            Path = http.Request.Path.Value ?? "/",
            SchoolId = selected.SchoolId,
            BrowserKeyHash = RescuedForms.Hash(browserKey),
            ValuesJson = json,
            CreatedAt = now,
        };
        db.RescuedForms.Add(rescued);
        var expired = now - RescuedForms.Lifetime;
        db.RescuedForms.RemoveRange(await db.RescuedForms.Where(r => r.CreatedAt < expired).Take(100).ToListAsync(http.RequestAborted));
        await db.SaveChangesAsync(http.RequestAborted);

        var returnUrl = $"{rescued.Path}?{RescuedForms.QueryKey}={rescued.Id}";
        context.Result = new RedirectResult($"/account/inloggen?returnUrl={Uri.EscapeDataString(returnUrl)}");
    }
}

/// <summary>The rescued-form store: its limits, and handing a rescued form back.</summary>
public static class RescuedForms
{
    public const string CookieName = "zb.rescue";
    public const string QueryKey = "herstel";

    /// <summary>The largest post kept (and the largest stored value set): 256 kB, far more than a scan section typed by hand.</summary>
    public const int MaxBytes = 256 * 1024;

    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);

    /// <summary>
    /// Takes a rescued form back: only in the browser that posted it, for the same page, within a day, and only for a user
    /// who may edit the school it was posted for (the access decision of the current request).
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>?> TakeAsync(HttpContext http, string? id, SchoolAccess access)
    {
        if (string.IsNullOrWhiteSpace(id) || !access.Can(SchoolPermission.Edit)) return null;
        var browserKey = http.Request.Cookies[CookieName];
        if (string.IsNullOrEmpty(browserKey)) return null;
        var db = http.RequestServices.GetRequiredService<AppDbContext>();
        var time = http.RequestServices.GetRequiredService<TimeProvider>();
        var rescued = await db.RescuedForms.SingleOrDefaultAsync(r => r.Id == id, http.RequestAborted);
        if (rescued is null || rescued.BrowserKeyHash != Hash(browserKey) || rescued.Path != http.Request.Path.Value
            || rescued.SchoolId != access.SchoolId || rescued.CreatedAt < time.GetUtcNow() - Lifetime)
        {
            return null;
        }

        db.RescuedForms.Remove(rescued);
        await db.SaveChangesAsync(http.RequestAborted);
        return JsonSerializer.Deserialize<Dictionary<string, string>>(rescued.ValuesJson);
    }

    internal static string Hash(string value) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
