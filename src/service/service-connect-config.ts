import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { Construct } from 'constructs';
import { ServiceConnectOptions } from './service-connect';
import { IFargateEnvironment } from '../environment/environment';
import { callService, publishService } from '../environment/registry';
import { resolveNumber } from '../shared/resolve';
import { resolveTarget, targetContainers } from '../task/container-ports';
import { containersOf } from '../task/containers';
import { IFargateTaskDef } from '../task/task-def';
import { taskDefinitionOf } from '../task/task-definition-of';
import {
  checkNamedPortMapping, checkServiceConnectName, checkServiceConnectNamespace, checkServiceConnectPort, checkServiceConnectPortKnown,
  checkServiceConnectTarget,
} from '../validation/environment-rules';
import { reportProblems } from '../validation/errors';

/** The props of a service that concern Service Connect. */
export interface ServiceConnectInput {
  readonly environment?: IFargateEnvironment;
  readonly taskDef: IFargateTaskDef;
  readonly serviceConnect?: ServiceConnectOptions;
  readonly calls?: string[];
}

/**
 * The Service Connect configuration of a service: published under `serviceConnect.name` on
 * its container:port (whose port mapping must have a name: Service Connect refers to port
 * mappings by name), or a client only (for `calls`). `undefined` without Service Connect
 * or when a problem was reported.
 */
export function serviceConnectConfiguration(
  constructType: string, scope: Construct, props: ServiceConnectInput, taskDef: IFargateTaskDef,
): ecs.ServiceConnectProps | undefined {
  const sc = props.serviceConnect;
  const uses = sc !== undefined || (props.calls ?? []).length > 0;
  if (!uses) return undefined;
  const namespace = props.environment?.serviceConnectNamespace;
  const bad = reportProblems(constructType, scope, [
    checkServiceConnectNamespace(uses, props.environment !== undefined, namespace !== undefined),
    sc && checkServiceConnectName(sc.name),
    sc && checkServiceConnectPort(sc.port),
    sc && checkServiceConnectTarget(sc.containerName, sc.containerPort, targetContainers(taskDef)),
  ]);
  if (bad || namespace === undefined) return undefined;
  if (sc === undefined) return { namespace: namespace.namespaceArn };
  const target = resolveTarget(targetContainers(taskDef), sc.containerName, sc.containerPort);
  // Lazy values resolved; aws-cdk-lib checks the client port's range at once, so it must be known
  const clientPort = resolveNumber(scope, sc.port ?? target.containerPort);
  if (reportProblems(constructType, scope, [checkServiceConnectPortKnown(clientPort)])) return undefined;
  // a container port out of range is FGK-PORTS (FargateTaskDef); aws-cdk-lib would throw on it
  if (checkServiceConnectPort(clientPort) !== undefined) return undefined;
  const name = portMappingName(taskDef, target.containerName, target.containerPort);
  if (reportProblems(constructType, scope, [checkNamedPortMapping(target.containerName, target.containerPort, name)]) || name === undefined) {
    return undefined;
  }
  return {
    namespace: namespace.namespaceArn,
    services: [{
      portMappingName: name,
      discoveryName: sc.name,
      dnsName: sc.name,
      port: clientPort,
    }],
  };
}

/** The name of the port mapping of container:port (Service Connect refers to port mappings by name), if it has one. */
function portMappingName(taskDef: IFargateTaskDef, containerName: string, containerPort: number): string | undefined {
  const container = containersOf(taskDefinitionOf(taskDef)).find(c => c.containerName === containerName);
  return container?.portMappings.find(pm => pm.containerPort === containerPort && pm.containerPortRange === undefined)?.name;
}

/** Registers what the service publishes and calls with its environment (which opens the security groups). */
export function linkServiceConnect(
  service: Construct & { readonly connections: ec2.Connections }, props: ServiceConnectInput,
): string | undefined {
  const env = props.environment;
  if (env?.serviceConnectNamespace === undefined) return undefined;
  const sc = props.serviceConnect;
  if (sc) {
    const target = resolveTarget(targetContainers(props.taskDef), sc.containerName, sc.containerPort);
    publishService(env, { owner: service.node.path, name: sc.name, containerPort: target.containerPort, connections: service.connections });
  }
  for (const name of props.calls ?? []) {
    callService(env, { owner: service.node.path, name, connections: service.connections });
  }
  return sc?.name;
}
