// The repository's one image (its Dockerfile) for every service and the migrate task. Synthesis only
// hashes the directory; Docker builds the image when `cdk deploy` publishes it.
import { DockerImageAsset, Platform } from 'aws-cdk-lib/aws-ecr-assets';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import type { Construct } from 'constructs';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Kept out of the build context on top of .dockerignore: local data and secrets, build and test
 * outputs, synthesized apps (which hold a copy of this very directory) and git history.
 */
export const IMAGE_EXCLUDES = ['**/node_modules', '**/.data', '.env', '**/.next', '**/test-results', '**/playwright-report', 'bench/results', '**/cdk.out', '.git', '**/*.log'];

/** Images are built for x86: the tasks run there whatever machine builds them. */
export const RUNTIME_PLATFORM: ecs.RuntimePlatform = { cpuArchitecture: ecs.CpuArchitecture.X86_64, operatingSystemFamily: ecs.OperatingSystemFamily.LINUX };

export const medpayImage = (scope: Construct) =>
  ecs.ContainerImage.fromDockerImageAsset(new DockerImageAsset(scope, 'Image', { directory: REPO_ROOT, exclude: IMAGE_EXCLUDES, platform: Platform.LINUX_AMD64 }));
