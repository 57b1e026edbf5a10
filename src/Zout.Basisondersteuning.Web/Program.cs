using Zout.Basisondersteuning.Web.Data.Seeding;
using Zout.Basisondersteuning.Web.Infrastructure;
using Zout.Basisondersteuning.Web.Infrastructure.Commands;
using Zout.Basisondersteuning.Web.Infrastructure.Database;

if (args is ["generate-national", ..])
{
    return await Zout.Basisondersteuning.Web.Infrastructure.Commands.NationalDatasetCommand.RunAsync(args, Console.Out);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddPortal();
var app = builder.Build();

if (args is ["create-admin", ..])
{
    return await CreateAdminCommand.RunAsync(app.Services, args, Console.In, Console.Out);
}

if (app.Services.GetRequiredService<DatabaseOptions>().MigrateOnStartup)
{
    await app.Services.MigrateDatabaseAsync();
}

if (args is ["publish-sops", ..])
{
    return await PublishNationalCommand.RunAsync(app.Services, args, Console.Out);
}

if (app.Environment.IsDevelopment() && app.Configuration.GetValue<bool>("Demo:Seed"))
{
    await DemoData.SeedAsync(app.Services);
}

app.UsePortal();
if (args is ["benchmark-pdf", ..])
{
    return await PdfBenchmarkCommand.RunAsync(app, args, Console.Out);
}

await app.RunAsync();
return 0;

public partial class Program;
