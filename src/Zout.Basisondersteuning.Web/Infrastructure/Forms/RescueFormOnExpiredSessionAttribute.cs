using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Scans;

namespace Zout.Basisondersteuning.Web.Infrastructure.Forms;

/// <summary>
/// An expired login never throws away what the user typed: a form posted without a valid login is kept
/// (bound to this browser by a secret cookie, for a day), the user logs in and returns to the same page
/// with the input filled in again, to check and save. Runs before authorization and antiforgery, which
/// would otherwise reject the post; nothing is saved to the school's data on this path.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RescueFormOnExpiredSessionAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    public const string CookieName = "zb.rescue";
    public const string QueryKey = "herstel";
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);

    public int Order => -10_000;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (http.User.Identity?.IsAuthenticated == true || !HttpMethods.IsPost(http.Request.Method) || !http.Request.HasFormContentType) return;

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var values = form.Where(f => f.Key != "__RequestVerificationToken").ToDictionary(f => f.Key, f => f.Value.ToString());
        if (values.Count == 0) return;

        var browserKey = http.Request.Cookies[CookieName];
        if (string.IsNullOrEmpty(browserKey) || browserKey.Length < 32)
        {
            browserKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
            http.Response.Cookies.Append(CookieName, browserKey, new CookieOptions
            {
                HttpOnly = true,
                Secure = http.Request.IsHttps,
                SameSite = SameSiteMode.Lax,
                MaxAge = Lifetime,
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
            BrowserKeyHash = Hash(browserKey),
            ValuesJson = JsonSerializer.Serialize(values),
            CreatedAt = now,
        };
        db.RescuedForms.Add(rescued);
        var expired = now - Lifetime;
        db.RescuedForms.RemoveRange(await db.RescuedForms.Where(r => r.CreatedAt < expired).Take(100).ToListAsync(http.RequestAborted));
        await db.SaveChangesAsync(http.RequestAborted);

        var returnUrl = $"{rescued.Path}?{QueryKey}={rescued.Id}";
        context.Result = new RedirectResult($"/account/inloggen?returnUrl={Uri.EscapeDataString(returnUrl)}");
    }

    /// <summary>Takes a rescued form back: only in the browser that posted it, for the same page, within a day.</summary>
    public static async Task<IReadOnlyDictionary<string, string>?> TakeAsync(HttpContext http, string? id)
    {
        if (string.IsNullOrWhiteSpace(id)) return null;
        var browserKey = http.Request.Cookies[CookieName];
        if (string.IsNullOrEmpty(browserKey)) return null;
        var db = http.RequestServices.GetRequiredService<AppDbContext>();
        var time = http.RequestServices.GetRequiredService<TimeProvider>();
        var rescued = await db.RescuedForms.SingleOrDefaultAsync(r => r.Id == id, http.RequestAborted);
        if (rescued is null || rescued.BrowserKeyHash != Hash(browserKey) || rescued.Path != http.Request.Path.Value
            || rescued.CreatedAt < time.GetUtcNow() - Lifetime)
        {
            return null;
        }

        db.RescuedForms.Remove(rescued);
        await db.SaveChangesAsync(http.RequestAborted);
        return JsonSerializer.Deserialize<Dictionary<string, string>>(rescued.ValuesJson);
    }

    private static string Hash(string value) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
