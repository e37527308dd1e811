using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CpWebSocket.Tests.Server;

/// <summary>Makes self-signed server certificates for the TLS endpoint of <see cref="TestServer"/>.</summary>
public static class SelfSignedCertificate
{
    private static readonly Lazy<X509Certificate2> SharedCertificate = new(() => Create());

    /// <summary>One certificate for <c>CN=localhost</c>, made on first use and shared by the whole test run. Do not dispose it.</summary>
    public static X509Certificate2 Shared => SharedCertificate.Value;

    /// <summary>
    /// Creates a certificate for <c>CN=<paramref name="commonName"/></c> with subject alternative names
    /// <c>127.0.0.1</c> and <c>localhost</c>, valid from yesterday for a year, with an exportable private key.
    /// </summary>
    /// <param name="commonName">The subject common name.</param>
    /// <param name="forClient">A certificate for TLS client authentication instead of a server's.</param>
    public static X509Certificate2 Create(string commonName = "localhost", bool forClient = false)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [forClient ? new Oid("1.3.6.1.5.5.7.3.2", "Client Authentication") : new Oid("1.3.6.1.5.5.7.3.1", "Server Authentication")],
            critical: false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));

        var now = DateTimeOffset.UtcNow;
        using var ephemeral = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));

        // A round trip through PFX gives a certificate whose private key every TLS stack can use (Kestrel included).
#if NET9_0_OR_GREATER
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pfx), password: null, X509KeyStorageFlags.Exportable);
#else
        return new X509Certificate2(ephemeral.Export(X509ContentType.Pfx), (string?)null, X509KeyStorageFlags.Exportable);
#endif
    }
}
