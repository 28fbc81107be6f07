import { App, Stage } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';

/**
 * `fn`, then the synth of the app it built: the library reports problems at synth, all at
 * once (aws-cdk-lib's validation), so `expect(atSynth(() => new X(...))).toThrow(...)`.
 * `scope` names the app when `fn` returns no construct.
 */
export function atSynth(fn: () => unknown, scope?: IConstruct): () => void {
  return () => {
    const result = fn();
    const fromObject = result !== null && typeof result === 'object'
      ? Object.values(result as object).find(v => Construct.isConstruct(v)) as IConstruct | undefined : undefined;
    const anchor = scope ?? (Construct.isConstruct(result) ? result : fromObject);
    if (anchor === undefined) throw new Error('atSynth: pass the scope when fn returns no construct');
    const root = anchor.node.root;
    (App.isApp(root) || Stage.isStage(root) ? root as Stage : Stage.of(anchor)!).synth({ force: true });
  };
}
