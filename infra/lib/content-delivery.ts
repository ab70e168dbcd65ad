// CloudFront in front of the apps and the router: one distribution, the public load balancer as its
// origin, and a behaviour per path pattern for what may be cached and for how long.
import { Duration } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import type * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

export interface ContentDeliveryProps {
  loadBalancer: elbv2.IApplicationLoadBalancer;
  /** set: CloudFront reaches the load balancer over HTTPS under this name, which its certificate covers */
  httpsOriginHost: string | undefined;
  /** the app hosts; none without a domain */
  domainNames: string[];
  /** us-east-1, covering domainNames */
  certificateArn: string | undefined;
  webAclArn: string;
  logBucket: s3.IBucket;
}

/** The parameters of a GraphQL-over-HTTP GET: what tells one cached answer from another. */
export const GRAPHQL_GET_PARAMETERS = ['query', 'extensions', 'variables', 'operationName'];

export class ContentDelivery extends Construct {
  readonly distribution: cloudfront.Distribution;

  constructor(scope: Construct, id: string, props: ContentDeliveryProps) {
    super(scope, id);
    const origin = new origins.HttpOrigin(props.httpsOriginHost ?? props.loadBalancer.loadBalancerDnsName, {
      // Production sets originCertificateArn; plain HTTP stays inside AWS between the edge and the load balancer.
      protocolPolicy: props.httpsOriginHost ? cloudfront.OriginProtocolPolicy.HTTPS_ONLY : cloudfront.OriginProtocolPolicy.HTTP_ONLY,
      originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
      // server-sent events and slow reports; WebSockets are not bound by it
      readTimeout: Duration.seconds(60),
      keepaliveTimeout: Duration.seconds(60),
    });

    // Next.js names them by content hash: a name never changes meaning. Host is in the key, as each
    // app host has its own build, and forwarding it is how the load balancer tells the apps apart.
    const staticAssets = new cloudfront.CachePolicy(this, 'StaticAssets', {
      comment: 'Next.js hashed assets: a year',
      minTtl: Duration.days(365),
      defaultTtl: Duration.days(365),
      maxTtl: Duration.days(365),
      headerBehavior: cloudfront.CacheHeaderBehavior.allowList('Host'),
      queryStringBehavior: cloudfront.CacheQueryStringBehavior.none(),
      cookieBehavior: cloudfront.CacheCookieBehavior.none(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });
    // A GET of a persisted query is kept as long as the router's Cache-Control says (nothing by
    // default); CloudFront never caches a POST. The caller's credentials and origin are in the key, so
    // an answer is never handed to another caller or another app's CORS.
    const graphqlQueries = new cloudfront.CachePolicy(this, 'GraphqlQueries', {
      comment: 'GraphQL GETs by their Cache-Control',
      minTtl: Duration.seconds(0),
      defaultTtl: Duration.seconds(0),
      maxTtl: Duration.days(1),
      queryStringBehavior: cloudfront.CacheQueryStringBehavior.allowList(...GRAPHQL_GET_PARAMETERS),
      headerBehavior: cloudfront.CacheHeaderBehavior.allowList('Authorization', 'X-Api-Key', 'Origin'),
      cookieBehavior: cloudfront.CacheCookieBehavior.none(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });
    const routerBehaviour = (cachePolicy: cloudfront.ICachePolicy, allowedMethods: cloudfront.AllowedMethods): cloudfront.BehaviorOptions => ({
      origin,
      // API clients do not follow a redirect of a POST.
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods,
      cachedMethods: cloudfront.CachedMethods.CACHE_GET_HEAD,
      cachePolicy,
      // The load balancer sends these paths to the router whatever the host.
      originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
    });

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'MedPay apps and router',
      domainNames: props.domainNames,
      ...(props.certificateArn && {
        certificate: acm.Certificate.fromCertificateArn(this, 'Certificate', props.certificateArn),
        minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
      }),
      // South American edge locations are only in the full price class.
      priceClass: cloudfront.PriceClass.PRICE_CLASS_ALL,
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      webAclId: props.webAclArn,
      enableLogging: true,
      logBucket: props.logBucket,
      logFilePrefix: 'cloudfront/',
      // Pages: as their origin's Cache-Control says, per host; the viewer's Host goes on to pick the app.
      defaultBehavior: {
        origin,
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
        cachePolicy: cloudfront.CachePolicy.USE_ORIGIN_CACHE_CONTROL_HEADERS_QUERY_STRINGS,
        originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER,
      },
      additionalBehaviors: {
        '/_next/static/*': {
          origin,
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
          cachePolicy: staticAssets,
        },
        '/graphql': routerBehaviour(graphqlQueries, cloudfront.AllowedMethods.ALLOW_ALL),
        '/data-exports/download': routerBehaviour(cloudfront.CachePolicy.CACHING_DISABLED, cloudfront.AllowedMethods.ALLOW_GET_HEAD),
        // payments' and providers' signed document links
        '/documents/*': routerBehaviour(cloudfront.CachePolicy.CACHING_DISABLED, cloudfront.AllowedMethods.ALLOW_GET_HEAD),
        '/webhooks/*': routerBehaviour(cloudfront.CachePolicy.CACHING_DISABLED, cloudfront.AllowedMethods.ALLOW_ALL),
      },
    });
  }
}
