// Shard 3 of 4 of the adversarial test (adversarial.ts): every export against bad arguments.
import { adversarialShard } from './adversarial.ts';

adversarialShard(2, 4);
